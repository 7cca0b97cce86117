// Which language this run starts in: forced by ?lang= or DUCHA_LANG, else remembered, else the system's.
import type { AppInfo } from '../../shared/contract';
import { type Language, languageFromLocale, parseLanguage } from '../i18n';

export interface LanguageChoice {
  language: Language;
  forced: Language | null;
}

export function resolveLanguage(
  search: string,
  info: AppInfo | null,
  remembered: Language | null,
  navigatorLanguage: string | undefined,
): LanguageChoice {
  const fromUrl = parseLanguage(new URLSearchParams(search).get('lang'));
  const forced = fromUrl ?? info?.forcedLanguage ?? null;
  if (forced) return { language: forced, forced };
  if (remembered) return { language: remembered, forced: null };
  // The desktop app asks the operating system. In the browser host the browser's own language is the
  // user's; the host process's locale is often just the server default (C or en-US).
  const system = info?.host === 'electron' ? info.systemLocale : navigatorLanguage;
  return { language: languageFromLocale(system), forced: null };
}

// i18next set up with our two languages; zh-CN first, English complete.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Maps a browser or OS locale to one of ours; zh-CN when unsure. */
export function languageFromLocale(locale: string | undefined | null): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export const parseLanguage = (value: string | null | undefined): Language | null =>
  value === 'en' || value === 'zh-CN'
    ? value
    : value?.toLowerCase().startsWith('zh')
      ? 'zh-CN'
      : value?.toLowerCase().startsWith('en')
        ? 'en'
        : null;

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return i18next;
}

export { i18next };

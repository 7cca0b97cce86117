// DUCHA_LANG forces the interface language for one run (tests, screenshots, a colleague's laptop).
// It accepts what people and shells write: en, en-US, en_GB.UTF-8, zh, zh-CN, zh_CN, zh-Hans...
export type ForcedLanguage = 'zh-CN' | 'en';

export function parseForcedLanguage(value: string | undefined): ForcedLanguage | null {
  if (value === undefined) return null;
  // "en_US.UTF-8" → "en"; the region and encoding do not matter: we ship one English and one Chinese.
  const [primary = ''] = value
    .trim()
    .toLowerCase()
    .split(/[-_.@]/);
  if (primary === 'en') return 'en';
  // Every Chinese variant gets zh-CN, the only Chinese we have.
  if (primary === 'zh') return 'zh-CN';
  return null;
}

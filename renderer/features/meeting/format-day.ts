// A calendar date (YYYY-MM-DD) written out as a document's date line: 2026年3月10日, 10 March 2026.
import type { Language } from '../../i18n';

export function formatDay(day: string, language: Language): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(at)) return day;
  // The date is a calendar day, not an instant: format it in UTC so no zone moves it.
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(at);
}

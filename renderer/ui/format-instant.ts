// An instant as the supervision office reads it: its local date and time in China time.
import { CHINA_TIME_ZONE } from '../../shared/domain/dates';
import type { Language } from '../i18n';

export function formatInstant(iso: string, language: Language, timeZone: string = CHINA_TIME_ZONE): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

// Calendar dates as the supervision office counts them: in China Standard Time unless a zone is chosen.
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** The local date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: number, timeZone: string = CHINA_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

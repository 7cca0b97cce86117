// The app's notion of "now", ticking once a minute. Pages read dates from here rather than calling
// Date.now() while rendering, so a day change shows without a reload and tests can set the clock.
import { create } from 'zustand';
import { localDate } from '../../shared/domain/dates';
import { usePreferences } from './preferences';

interface ClockState {
  now: number;
  tick: () => void;
}

export const useClock = create<ClockState>()((set) => ({
  now: Date.now(),
  tick: () => set({ now: Date.now() }),
}));

let timer: ReturnType<typeof setInterval> | null = null;
/** Starts the minute tick once for the whole app. */
export function startClock(): void {
  timer ??= setInterval(() => useClock.getState().tick(), 60_000);
}

// Formatting a date in a time zone builds an Intl.DateTimeFormat (and, the first time, loads the zone's
// rules): do it once a minute, not on every render of every component that shows a date.
let last: { now: number; timeZone: string; date: string } | null = null;
const dateAt = (now: number, timeZone: string): string => {
  if (last?.now !== now || last.timeZone !== timeZone)
    last = { now, timeZone, date: localDate(now, timeZone) };
  return last.date;
};

/** The office's time zone (Settings; China Standard Time by default). */
export const useTimeZone = (): string => usePreferences((s) => s.timeZone);

/** Today's date in the office's time zone, as YYYY-MM-DD. */
export const useToday = (): string =>
  dateAt(
    useClock((s) => s.now),
    useTimeZone(),
  );

/** Today's date in the office's time zone, as YYYY-MM-DD, for event handlers (outside rendering). */
export const today = (): string => dateAt(useClock.getState().now, usePreferences.getState().timeZone);

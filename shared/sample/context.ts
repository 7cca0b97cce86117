// What every part of the generator shares: the seeded random streams, the campaign's clock (all derived
// from `today`, never from Date.now()) and id makers.
import { chinaMs, dayNumber } from './dates';
import { idMaker } from './ids';
import { createRng, type Rng } from './random';

export interface GenContext {
  rng: Rng;
  today: string;
  todayDay: number;
  year: number;
  /** The campaign's "now": 18:00 China time on `today`; no record is created after it. */
  nowMs: number;
  /** When the office set up regions, units, people, teams and the project ledger. */
  setupMs: number;
  /** A stream of ids for one table; streams are independent, so one table's size leaves others alone. */
  ids(table: string): (ms: number) => string;
}

export function createContext(seed: number, today: string): GenContext {
  const todayDay = dayNumber(today);
  const rng = createRng(seed);
  return {
    rng,
    today,
    todayDay,
    year: Number(today.slice(0, 4)),
    nowMs: chinaMs(todayDay, 18 * 60),
    setupMs: chinaMs(todayDay - 200, 9 * 60),
    ids: (table) => idMaker(rng.fork(`ids:${table}`).randomSource),
  };
}

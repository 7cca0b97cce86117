// Notice numbers on a laptop enrolled for sync: two laptops of a team must never give one 督查〔2026〕N号.
// While online the laptop reserves blocks of its team's numbers from the server (POST
// /teams/:teamId/notice-numbers) and keeps what it has not given yet in `meta` (local, never synced),
// per year. A notice takes the next reserved number; when none is left (offline too long) it gets a
// provisional one (督查〔2026〕临3号, shared/reports/notice-number) and the next sync, once the pool is
// topped up, replaces it with a final one through a history step ('noticeRenumbered').
//
// Which issues carry a provisional number of THIS laptop is kept in a meta list too, not in a field of
// the issue: another laptop may have given the same 临N to other issues, and only the laptop that gave
// a provisional number may replace it (two laptops replacing one number would give it two final
// ones). A local list needs no change to the synced schema, and the 临 in the number already tells
// every reader, on every laptop and on paper, that it is not final.
import type { Issue } from '../../../../shared/domain/issue';
import {
  formatNoticeNumber,
  formatProvisionalNoticeNumber,
  parseNoticeNumber,
  parseProvisionalNoticeNumber,
} from '../../../../shared/reports/notice-number';
import type { NoticeNumberPool } from '../../../../shared/sync/notice-reservation';
import { NOTICE_NUMBERS_MAX_COUNT, type NoticeNumbersReply } from '../../../../shared/sync/protocol';
import { type DuchaDatabase, isLive, recordOfStored } from '../../database';
import { stepTables, stepWithin } from '../issue-steps';
import { syncState } from './sync-state';

const POOL_KEY = 'noticeNumberPool';
const PROVISIONAL_KEY = 'noticeNumbersProvisional';

/** Fewer than this many numbers left for a year: the next sync round reserves more. */
export const NOTICE_POOL_LOW = 5;
/** How many a top-up reserves (more when provisional numbers wait for final ones). */
export const NOTICE_POOL_TOP_UP = 10;

/** Reserved numbers not given yet, per year, for one team (a laptop enrolled again elsewhere starts empty). */
interface NoticePool {
  readonly teamId: string;
  readonly years: Readonly<Record<string, readonly number[]>>;
}

/** A notice this laptop gave a provisional number: the number and the issues it was given to. */
export interface ProvisionalNotice {
  readonly number: string;
  readonly year: number;
  readonly issueIds: readonly string[];
}

/** What a top-up asks the server for, per year. */
export interface NoticeNumberNeed {
  readonly year: number;
  readonly count: number;
  /** The highest number of that year this laptop holds (given or on paper): the block starts above it. */
  readonly after: number;
}

async function readPool(db: DuchaDatabase, teamId: string): Promise<NoticePool> {
  const pool = (await db.meta.get(POOL_KEY))?.value as NoticePool | undefined;
  return pool?.teamId === teamId ? pool : { teamId, years: {} };
}

export async function provisionalNotices(db: DuchaDatabase): Promise<ProvisionalNotice[]> {
  return ((await db.meta.get(PROVISIONAL_KEY))?.value as ProvisionalNotice[] | undefined) ?? [];
}

/** The team this laptop reserves numbers for; null when it is not enrolled, or is the office's (no team). */
async function reservingTeam(db: DuchaDatabase): Promise<string | null> {
  return (await syncState(db)).enrollment?.teamId ?? null;
}

/** Numbers of a prefix and year already on this laptop's issues (to skip a reserved one met there). */
async function numbersGiven(db: DuchaDatabase, stem: string): Promise<Set<string>> {
  return new Set((await db.issues.where('noticeNumber').startsWith(stem).uniqueKeys()) as string[]);
}

/** The number the next notice of a prefix and year gets here, and the pool of that year as it would be left. */
async function nextFromPool(
  db: DuchaDatabase,
  teamId: string,
  prefix: string,
  year: number,
): Promise<{ number: string; provisional: boolean; pool: NoticePool }> {
  const given = await numbersGiven(db, `${prefix}〔${String(year)}〕`);
  const pool = await readPool(db, teamId);
  const left = [...(pool.years[String(year)] ?? [])];
  const after = (number: string, provisional: boolean) => ({
    number,
    provisional,
    pool: { ...pool, years: { ...pool.years, [String(year)]: left } },
  });
  while (left.length > 0) {
    const candidate = formatNoticeNumber({ prefix, year, seq: left.shift() ?? 0 });
    // A number the laptop holds already (typed on paper, or come by USB) is passed over, never given twice.
    if (!given.has(candidate)) return after(candidate, false);
  }
  // Past every provisional number of the prefix and year this laptop has seen, its own or synced.
  let last = 0;
  const provisional = [...given, ...(await provisionalNotices(db)).map((n) => n.number)];
  for (const text of provisional) {
    const parsed = parseProvisionalNoticeNumber(text);
    if (parsed?.prefix === prefix && parsed.year === year) last = Math.max(last, parsed.seq);
  }
  return after(formatProvisionalNoticeNumber({ prefix, year, seq: last + 1 }), true);
}

/**
 * The number a notice gets on a laptop that reserves numbers, inside the caller's transaction over
 * stepTables (meta among them): the next reserved one, or a provisional one when none is left. Null
 * on a laptop that does not reserve (not enrolled, or the office's): it numbers as it always did.
 */
export async function takeNoticeNumber(
  db: DuchaDatabase,
  prefix: string,
  year: number,
): Promise<{ number: string; provisional: boolean } | null> {
  const teamId = await reservingTeam(db);
  if (teamId === null) return null;
  const { number, provisional, pool } = await nextFromPool(db, teamId, prefix, year);
  await db.meta.put({ key: POOL_KEY, value: pool });
  return { number, provisional };
}

/** What takeNoticeNumber would give now, taking nothing (the Reports page shows it before issuing). */
export async function peekNoticeNumber(
  db: DuchaDatabase,
  prefix: string,
  year: number,
): Promise<{ number: string; provisional: boolean } | null> {
  const teamId = await reservingTeam(db);
  if (teamId === null) return null;
  const { number, provisional } = await nextFromPool(db, teamId, prefix, year);
  return { number, provisional };
}

/** Remembers that this laptop gave `number` provisionally to these issues (in the issuing transaction). */
export async function noteProvisionalNotice(db: DuchaDatabase, notice: ProvisionalNotice): Promise<void> {
  await db.meta.put({ key: PROVISIONAL_KEY, value: [...(await provisionalNotices(db)), notice] });
}

/** The highest final number of `year` this laptop holds: on its issues, or given on paper (Team.noticeSequenceStart). */
async function highestHeld(db: DuchaDatabase, year: number): Promise<number> {
  let highest = 0;
  for (const text of (await db.issues.orderBy('noticeNumber').uniqueKeys()) as string[]) {
    const parsed = parseNoticeNumber(text);
    if (parsed?.year === year) highest = Math.max(highest, parsed.seq);
  }
  for (const row of await db.teams.toArray()) {
    const start = isLive(row) ? row.noticeSequenceStart : null;
    if (start?.year === year) highest = Math.max(highest, start.next - 1);
  }
  return highest;
}

/**
 * What the next sync round should reserve: this year's pool (by the laptop's clock) and the year of
 * every provisional number waiting, each when fewer than NOTICE_POOL_LOW are left — enough for the
 * waiting ones and NOTICE_POOL_TOP_UP more, at most a block's limit. Empty when not reserving.
 */
export async function noticeNumberNeeds(db: DuchaDatabase, now: number): Promise<NoticeNumberNeed[]> {
  const teamId = await reservingTeam(db);
  if (teamId === null) return [];
  const pool = await readPool(db, teamId);
  const waiting = new Map<number, number>();
  for (const notice of await provisionalNotices(db))
    waiting.set(notice.year, (waiting.get(notice.year) ?? 0) + 1);
  const years = new Set([new Date(now).getFullYear(), ...waiting.keys()]);
  const needs: NoticeNumberNeed[] = [];
  for (const year of [...years].sort()) {
    const left = (pool.years[String(year)] ?? []).length - (waiting.get(year) ?? 0);
    if (left >= NOTICE_POOL_LOW) continue;
    const count = Math.min(NOTICE_NUMBERS_MAX_COUNT, NOTICE_POOL_TOP_UP + (waiting.get(year) ?? 0));
    needs.push({ year, count, after: await highestHeld(db, year) });
  }
  return needs;
}

/** Adds a block the server reserved for this laptop to its pool. */
export async function addNoticeNumbers(db: DuchaDatabase, block: NoticeNumbersReply): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const teamId = await reservingTeam(db);
    if (teamId === null) return;
    const pool = await readPool(db, teamId);
    const numbers = new Set(pool.years[String(block.year)] ?? []);
    for (let seq = block.first; seq <= block.last; seq += 1) numbers.add(seq);
    const years = { ...pool.years, [String(block.year)]: [...numbers].sort((a, b) => a - b) };
    await db.meta.put({ key: POOL_KEY, value: { teamId, years } });
  });
}

/**
 * Replaces each provisional number this laptop gave with the next reserved one, oldest first, as long
 * as the pool has numbers: on each of its issues still carrying it, a 'noticeRenumbered' step by
 * `actorName` (the person signed in) whose note says "old → final". One transaction per notice, so
 * a notice is renumbered whole or not at all. Returns the numbers replaced, old to final.
 */
export async function finalizeProvisionalNotices(
  db: DuchaDatabase,
  actorName: string,
  now: number = Date.now(),
): Promise<Map<string, string>> {
  const replaced = new Map<string, string>();
  for (const notice of await provisionalNotices(db)) {
    const parsed = parseProvisionalNoticeNumber(notice.number);
    const final = await db.transaction('rw', stepTables(db), async () => {
      const taken = parsed ? await takeNoticeNumber(db, parsed.prefix, parsed.year) : null;
      // No reserved number left (or no longer reserving): it waits for the next round.
      if (taken?.provisional !== false) return null;
      for (const issueId of notice.issueIds) {
        const row = await db.issues.get(issueId);
        // An issue whose number someone changed since is left as it is.
        if (!row || !isLive(row) || recordOfStored<Issue>(row).noticeNumber !== notice.number) continue;
        const result = await stepWithin(
          db,
          issueId,
          {
            kind: 'noticeRenumbered',
            actorName,
            note: `${notice.number} → ${taken.number}`,
            noticeNumber: taken.number,
          },
          now,
        );
        if (!result.ok) throw new Error(`renumbering issue ${issueId} was refused: ${result.refusal}`);
      }
      const rest = (await provisionalNotices(db)).filter((n) => n.number !== notice.number);
      await db.meta.put({ key: PROVISIONAL_KEY, value: rest });
      return taken.number;
    });
    if (final === null) break;
    replaced.set(notice.number, final);
  }
  return replaced;
}

/** The pool as a sync round's top-up step uses it (shared/sync/notice-reservation). */
export const dexieNoticePool = (db: DuchaDatabase): NoticeNumberPool => ({
  needs: (now) => noticeNumberNeeds(db, now),
  add: (block) => addNoticeNumbers(db, block),
  forgetUnused: async () => {
    await db.meta.delete(POOL_KEY);
  },
  finalize: (actorName, now) => finalizeProvisionalNotices(db, actorName, now),
});

// Notice numbers never collide (issue 18, item 6): two laptops of one team, each with the real engine,
// the real Dexie data layer and a real server on loopback, give notices online and offline. Every final
// number is given once across both; a laptop whose reserved numbers ran out offline still gives notices,
// with provisional numbers (督查〔Y〕临N号) that its next sync replaces, the issue's history saying so.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../../shared/domain/issue';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import type { SyncTransport } from '../../../shared/sync/client/answers';
import { isLive, recordOfStored, type DuchaDatabase } from '../../../renderer/db/database';
import { writeRecords } from '../../../renderer/db/record-writer';
import { historyOfIssue, verifyIssueHistory } from '../../../renderer/db/repositories/issue-steps';
import { issueNotice, previewNoticeNumber } from '../../../renderer/db/repositories/notices';
import { provisionalNotices } from '../../../renderer/db/repositories/sync/notice-pool';
import { makeIssue } from '../../fixtures/records';
import { fetchTransport, type Laptop, LaptopCity } from './laptop-city';

const YEAR = new Date().getFullYear();
const PREFIX = '督查';
const final = (seq: number): string => `${PREFIX}〔${String(YEAR)}〕${String(seq)}号`;
const provisional = (seq: number): string => `${PREFIX}〔${String(YEAR)}〕临${String(seq)}号`;

let city: LaptopCity;
/** Laptops cut off from the server: their transport answers "unreachable". */
const offline = new Set<string>();

const switchable =
  (login: string) =>
  (url: string): SyncTransport => {
    const real = fetchTransport(url);
    return (request) =>
      offline.has(login) ? Promise.resolve({ kind: 'unreachable', detail: 'no network' }) : real(request);
  };

beforeAll(async () => {
  city = await LaptopCity.start();
});
afterAll(async () => {
  await city.close();
});

/** The issue of the last notice given. */
let lastIssueId = '';

/** A notice of one new draft issue, as the Reports page gives it; its number. */
async function giveNotice(laptop: Laptop): Promise<string> {
  const id = uuidv7(Date.now());
  lastIssueId = id;
  await writeRecords(laptop.db, [
    {
      table: 'issues',
      id,
      fields: makeIssue({
        id,
        status: 'draft',
        deadline: `${String(YEAR)}-12-31`,
        originalDeadline: `${String(YEAR)}-12-31`,
      }),
    },
  ]);
  const made = await issueNotice(laptop.db, {
    issueIds: [id],
    prefix: PREFIX,
    year: YEAR,
    actorName: '李明',
    note: '',
    today: `${String(YEAR)}-01-01`,
  });
  return made.number;
}

async function liveIssues(db: DuchaDatabase): Promise<Issue[]> {
  return (await db.issues.toArray()).filter(isLive).map((row) => recordOfStored<Issue>(row));
}

const sync = async (laptop: Laptop): Promise<void> => {
  await laptop.engine.syncNow();
};

describe('notice numbers across laptops of one team', () => {
  it('gives every final number once, online and offline; provisional ones are replaced on sync with the history saying so', async () => {
    const a = await city.laptop('notice-a', undefined, switchable('notice-a'));
    const b = await city.laptop('notice-b', undefined, switchable('notice-b'));
    // The first rounds reserve a block for each laptop.
    await sync(a);
    await sync(b);

    const online = [await giveNotice(a), await giveNotice(b), await giveNotice(a), await giveNotice(b)];
    expect(online.every((n) => /^督查〔\d{4}〕\d+号$/.test(n))).toBe(true);
    expect(new Set(online).size).toBe(4);

    // Both offline: A gives more notices than it holds numbers for, B a few.
    offline.add('notice-a');
    offline.add('notice-b');
    await expect(a.engine.syncNow()).rejects.toThrow();
    const aOffline: string[] = [];
    for (let i = 0; i < 12; i += 1) aOffline.push(await giveNotice(a));
    const bOffline = [await giveNotice(b), await giveNotice(b)];
    const aProvisional = aOffline.filter((n) => n.includes('临'));
    // A held 10 and gave 2 online: 8 from its pool, then provisional ones, never blank.
    expect(aProvisional).toEqual([1, 2, 3, 4].map(provisional));
    expect(bOffline.some((n) => n.includes('临'))).toBe(false);
    expect(new Set([...online, ...aOffline, ...bOffline]).size).toBe(18);
    expect((await provisionalNotices(a.db)).map((n) => n.number)).toEqual(aProvisional);

    // Back online: A's round tops its pool up and makes each provisional number final.
    offline.clear();
    await sync(a);
    expect(await provisionalNotices(a.db)).toEqual([]);
    const onA = await liveIssues(a.db);
    expect(onA.filter((i) => i.noticeNumber?.includes('临'))).toEqual([]);
    const givenBefore = new Set([...online, ...aOffline]);
    const renumbered = onA.filter((i) => !givenBefore.has(i.noticeNumber ?? ''));
    expect(renumbered).toHaveLength(4);
    for (const issue of renumbered) {
      const history = await historyOfIssue(a.db, issue.id);
      const last = history.at(-1);
      expect(last?.kind).toBe('noticeRenumbered');
      expect(last?.actorName).toBe('notice-a');
      const [old, now] = (last?.note ?? '').split(' → ');
      expect(aProvisional).toContain(old);
      expect(now).toBe(issue.noticeNumber);
      expect((await verifyIssueHistory(a.db, issue.id)).ok).toBe(true);
    }

    // Everything meets on both laptops: one number per notice, no two notices sharing one.
    await sync(b);
    await sync(a);
    await sync(b);
    for (const laptop of [a, b]) {
      const issues = await liveIssues(laptop.db);
      expect(issues).toHaveLength(18);
      const numbers = issues.map((i) => i.noticeNumber ?? '');
      expect(numbers.every((n) => /^督查〔\d{4}〕\d+号$/.test(n))).toBe(true);
      expect(new Set(numbers).size).toBe(18);
    }
    // The history of a renumbered issue reads the same on B.
    const one = renumbered[0];
    expect(one).toBeDefined();
    expect((await historyOfIssue(b.db, one?.id ?? '')).at(-1)?.note).toBe(
      (await historyOfIssue(a.db, one?.id ?? '')).at(-1)?.note,
    );
    // A notice given now takes a reserved number, above every one given so far, the one the page showed.
    const shown = await previewNoticeNumber(a.db, PREFIX, YEAR);
    const after = await giveNotice(a);
    expect(after).toBe(shown);
    const seqOf = (n: string): number => Number(/〕(\d+)号$/.exec(n)?.[1] ?? 0);
    expect(seqOf(after)).toBeGreaterThan(
      Math.max(...(await liveIssues(b.db)).map((i) => seqOf(i.noticeNumber ?? ''))),
    );
  }, 60_000);

  it('gives a provisional number on a laptop enrolled but never topped up, made final above every number the server gave', async () => {
    const c = await city.laptop('notice-c', undefined, switchable('notice-c'));
    offline.add('notice-c');
    // Enrolled but never topped up: a provisional number, not a guess at the sequence.
    expect(await previewNoticeNumber(c.db, PREFIX, YEAR)).toBe(provisional(1));
    expect(await giveNotice(c)).toBe(provisional(1));
    const id = lastIssueId;
    offline.clear();
    await sync(c);
    // The server had given numbers to A and B above: the final one comes after all of theirs.
    const issue = (await liveIssues(c.db)).find((i) => i.id === id);
    expect(issue?.noticeNumber).toMatch(/^督查〔\d{4}〕\d+号$/);
    expect(Number(/〕(\d+)号$/.exec(issue?.noticeNumber ?? '')?.[1])).toBeGreaterThan(20);
  }, 60_000);

  it('reserves above the highest number a laptop holds from before it synced', async () => {
    const d = await city.laptop('notice-d', undefined, switchable('notice-d'));
    // A notice given before this laptop synced at all (or come by stick): number 200 of the year.
    const id = uuidv7(Date.now());
    await writeRecords(d.db, [
      { table: 'issues', id, fields: makeIssue({ id, status: 'issued', noticeNumber: final(200) }) },
    ]);
    await sync(d);
    expect(await giveNotice(d)).toBe(final(201));
  }, 60_000);
});

it('renders a provisional number no one reads as final', () => {
  expect(provisional(3)).toBe(`督查〔${String(YEAR)}〕临3号`);
  expect(final(12)).toBe(`督查〔${String(YEAR)}〕12号`);
});

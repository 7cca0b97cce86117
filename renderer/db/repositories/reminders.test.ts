import 'fake-indexeddb/auto';
import { type DBCore, liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/dates';
import type { Issue, IssueStatus } from '../../../shared/domain/issue';
import { colourCard } from '../../../shared/issues/colour-card';
import { makeIssue } from '../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../database';
import { createRecords, updateRecord } from './records';
import { readReminders, type Reminders } from './reminders';

const TODAY = '2026-03-10';
const issue = (id: string, deadline: string, status: IssueStatus = 'inProgress'): Issue =>
  makeIssue({
    id,
    deadline,
    originalDeadline: deadline,
    status,
    closedAt: status === 'closed' ? '2026-03-01T02:00:00.000Z' : null,
  });

/** A database that counts the issue rows it hands out and the cursors opened on issues. */
async function countingDatabase(name: string) {
  const reads = { rows: 0, cursors: 0 };
  const db: DuchaDatabase = createDatabase(name);
  db.use({
    stack: 'dbcore',
    name: 'count-issue-reads',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        if (tableName !== 'issues') return table;
        return {
          ...table,
          get: async (req) => {
            const row: unknown = await table.get(req);
            if (row !== undefined) reads.rows++;
            return row;
          },
          getMany: async (req) => {
            const rows: unknown[] = await table.getMany(req);
            reads.rows += rows.filter((r) => r !== undefined).length;
            return rows;
          },
          query: async (req) => {
            const response = await table.query(req);
            if (req.values) reads.rows += response.result.length;
            return response;
          },
          openCursor: (req) => {
            reads.cursors++;
            return table.openCursor(req);
          },
        };
      },
    }),
  });
  await db.open();
  return { db, reads };
}

describe('reminders', () => {
  it('counts today and today+3 as due soon, yesterday as overdue, and leaves out today+4 and closed issues', async () => {
    const { db } = await countingDatabase('reminders-boundaries');
    await createRecords(db, 'issues', [
      issue('due-today', TODAY),
      issue('yesterday', addDays(TODAY, -1), 'issued'),
      issue('in-three-days', addDays(TODAY, 3), 'draft'),
      issue('in-four-days', addDays(TODAY, 4)),
      issue('closed-yesterday', addDays(TODAY, -1), 'closed'),
      issue('closed-today', TODAY, 'closed'),
      issue('long-overdue', '2026-01-20', 'extensionRequested'),
    ]);

    const reminders = await readReminders(db, TODAY);
    expect(reminders.overdue).toBe(2);
    expect(reminders.dueSoon).toBe(2);
    expect(reminders.mostOverdue.map((i) => i.id)).toEqual(['long-overdue', 'yesterday']);
    expect(reminders.soonestDue.map((i) => i.id)).toEqual(['due-today', 'in-three-days']);

    // The next day: what was due today is overdue, and today+4 has come within three days.
    const tomorrow = await readReminders(db, addDays(TODAY, 1));
    expect(tomorrow.mostOverdue.map((i) => i.id)).toEqual(['long-overdue', 'yesterday', 'due-today']);
    expect(tomorrow.soonestDue.map((i) => i.id)).toEqual(['in-three-days', 'in-four-days']);
    expect([tomorrow.overdue, tomorrow.dueSoon]).toEqual([3, 2]);
    db.close();
  });

  it('agrees with the colour cards while reading only the few issues it shows', async () => {
    const { db, reads } = await countingDatabase('reminders-reads');
    const statuses: IssueStatus[] = ['draft', 'issued', 'acknowledged', 'inProgress', 'closed'];
    // 600 issues with deadlines from 60 days ago to 60 days ahead, in every status.
    const issues = Array.from({ length: 600 }, (_, n) =>
      issue(
        `issue-${String(n).padStart(3, '0')}`,
        addDays(TODAY, (n % 121) - 60),
        statuses[n % statuses.length],
      ),
    );
    await createRecords(db, 'issues', issues);
    reads.rows = 0;

    const reminders = await readReminders(db, TODAY, 5);
    const cards = issues.map((i) => colourCard(i, TODAY));
    expect(reminders.overdue).toBe(cards.filter((c) => c === 'red').length);
    expect(reminders.dueSoon).toBe(cards.filter((c) => c === 'yellow').length);
    expect(reminders.overdue).toBeGreaterThan(100);

    const overdue = issues
      .filter((i) => colourCard(i, TODAY) === 'red')
      .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id));
    expect(reminders.mostOverdue.map((i) => i.id)).toEqual(overdue.slice(0, 5).map((i) => i.id));
    expect(reminders.soonestDue).toHaveLength(5);
    expect(reminders.soonestDue.every((i) => colourCard(i, TODAY) === 'yellow')).toBe(true);

    // At most 5 rows from the front of each open status's two ranges; the counts read no rows.
    expect(reads.rows).toBeLessThanOrEqual(2 * 7 * 5);
    expect(reads.cursors).toBe(0);
    db.close();
  });

  it('follow the issues when read live: an overdue issue closed out or given a later deadline leaves them', async () => {
    const { db } = await countingDatabase('reminders-live');
    await createRecords(db, 'issues', [
      issue('overdue', addDays(TODAY, -2)),
      issue('extended', addDays(TODAY, -1), 'extensionRequested'),
      issue('due-soon', addDays(TODAY, 1)),
    ]);
    const seen: Reminders[] = [];
    const subscription = liveQuery(() => readReminders(db, TODAY)).subscribe({ next: (r) => seen.push(r) });
    const latest = async (overdue: number, dueSoon: number) =>
      expect
        .poll(() => [seen.at(-1)?.overdue, seen.at(-1)?.dueSoon], { timeout: 5_000 })
        .toEqual([overdue, dueSoon]);

    await latest(2, 1);
    await updateRecord(db, 'issues', 'overdue', { status: 'closed', closedAt: '2026-03-10T02:00:00.000Z' });
    await latest(1, 1);
    await updateRecord(db, 'issues', 'extended', { status: 'inProgress', deadline: addDays(TODAY, 2) });
    await latest(0, 2);
    expect(seen.at(-1)?.soonestDue.map((i) => i.id)).toEqual(['due-soon', 'extended']);
    subscription.unsubscribe();
    db.close();
  });
});

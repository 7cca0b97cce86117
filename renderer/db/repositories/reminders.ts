// Reminders (提醒): how many open issues are overdue (red cards) and due within three days (yellow
// cards) as of a day, and the most urgent few of each. The header shows them on every page and the
// office may hold 200,000 issues, so nothing here reads all issues: the counts are counts of index
// keys, and the few rows shown are read from the front of index ranges.
import { addDays } from '../../../shared/domain/dates';
import { type Issue, ISSUE_STATUSES } from '../../../shared/domain/issue';
import { YELLOW_WITHIN_DAYS } from '../../../shared/issues/colour-card';
import { type DuchaDatabase, liveRecords } from '../database';

/** Every status but closed: the statuses that carry a colour card (see colourCard). */
const OPEN_STATUSES = ISSUE_STATUSES.filter((s) => s !== 'closed');

/** How many of the most urgent issues of each kind the reminder shows. */
export const REMINDER_SHOWN = 5;

export interface Reminders {
  /** The day the reminders are for. */
  asOf: string;
  /** Open issues past their deadline: the red cards. */
  overdue: number;
  /** Open issues whose deadline is today or within three days: the yellow cards. */
  dueSoon: number;
  /** The longest overdue first. */
  mostOverdue: Issue[];
  /** The soonest deadline first. */
  soonestDue: Issue[];
}

/** A span of deadlines: from `from` (included) up to `to`, included or not. */
interface DeadlineSpan {
  from: string;
  to: string;
  toIncluded: boolean;
}

/**
 * Open issues with a deadline in the span: all issues with such a deadline (the deadline index) less
 * the closed ones (the [status+deadline] index). Only keys are counted; no row is read. A tombstone
 * (a deleted issue) would still be counted, as its row keeps its fields: issues are closed out, never
 * deleted, by everything in the app today.
 */
async function countOpen(db: DuchaDatabase, { from, to, toIncluded }: DeadlineSpan): Promise<number> {
  const [all, closed] = await Promise.all([
    db.issues.where('deadline').between(from, to, true, toIncluded).count(),
    db.issues.where('[status+deadline]').between(['closed', from], ['closed', to], true, toIncluded).count(),
  ]);
  return all - closed;
}

/**
 * The `limit` open issues of the span with the earliest deadlines: the front of each open status's
 * range, then the earliest of those. Read with a count limit (no cursor), so at most `limit` rows per
 * status; a tombstone among them is dropped, leaving the list one shorter.
 */
async function earliestOpen(
  db: DuchaDatabase,
  { from, to, toIncluded }: DeadlineSpan,
  limit: number,
): Promise<Issue[]> {
  const fronts = await Promise.all(
    OPEN_STATUSES.map((status) =>
      db.issues
        .where('[status+deadline]')
        .between([status, from], [status, to], true, toIncluded)
        .limit(limit)
        .toArray(),
    ),
  );
  return liveRecords(fronts.flat())
    .sort((a, b) => a.deadline.localeCompare(b.deadline) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/** The reminders as of `today` (YYYY-MM-DD in the office's zone). */
export async function readReminders(
  db: DuchaDatabase,
  today: string,
  shown: number = REMINDER_SHOWN,
): Promise<Reminders> {
  // Deadlines are YYYY-MM-DD strings, so '' is below every one of them.
  const overdue: DeadlineSpan = { from: '', to: today, toIncluded: false };
  const dueSoon: DeadlineSpan = { from: today, to: addDays(today, YELLOW_WITHIN_DAYS), toIncluded: true };
  // One read transaction: the counts and the issues shown come from the same state of the table.
  const [overdueCount, dueSoonCount, mostOverdue, soonestDue] = await db.transaction('r', db.issues, () =>
    Promise.all([
      countOpen(db, overdue),
      countOpen(db, dueSoon),
      earliestOpen(db, overdue, shown),
      earliestOpen(db, dueSoon, shown),
    ]),
  );
  return { asOf: today, overdue: overdueCount, dueSoon: dueSoonCount, mostOverdue, soonestDue };
}

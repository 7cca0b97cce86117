// The joint-meeting list and the reminders for components, live: they follow every change of issues
// that could change them.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from './provider';
import { meetingIssues } from './repositories/meeting';
import { readReminders } from './repositories/reminders';

export type { Reminders } from './repositories/reminders';

/** The open issues flagged for the joint meeting, in no particular order; undefined while loading. */
export function useMeetingIssues() {
  const db = useDatabase();
  return useLiveQuery(() => meetingIssues(db), [db]);
}

/** Overdue and due-soon counts and the most urgent issues as of `today`; undefined while loading. */
export function useReminders(today: string) {
  const db = useDatabase();
  return useLiveQuery(() => readReminders(db, today), [db, today]);
}

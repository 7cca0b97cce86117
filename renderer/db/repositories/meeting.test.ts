import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeIssue } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { meetingIssues } from './meeting';
import { createRecords, deleteRecord } from './records';

describe('the issues of the joint-meeting list', () => {
  it('are the open issues flagged for coordination, not closed, unflagged or deleted ones', async () => {
    const db = createDatabase('meeting-issues');
    await db.open();
    await createRecords(db, 'issues', [
      makeIssue({ id: 'draft', status: 'draft', needsCoordination: true }),
      makeIssue({ id: 'awaiting', status: 'awaitingReinspection', needsCoordination: true }),
      makeIssue({ id: 'unflagged', status: 'inProgress', needsCoordination: false }),
      makeIssue({
        id: 'closed',
        status: 'closed',
        needsCoordination: true,
        closedAt: '2026-11-20T02:00:00.000Z',
      }),
      makeIssue({ id: 'deleted', status: 'issued', needsCoordination: true }),
    ]);
    await deleteRecord(db, 'issues', 'deleted');
    expect((await meetingIssues(db)).map((i) => i.id).sort()).toEqual(['awaiting', 'draft']);
    db.close();
  });
});

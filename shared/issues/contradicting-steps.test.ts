import { describe, expect, it } from 'vitest';
import type { IssueEvent, IssueStatus } from '../domain/issue';
import { hashEntrySync } from '../history/chain';
import { nextPosition } from '../history/history-graph';
import { contradictingSteps } from './contradicting-steps';

let n = 0;
function step(copy: IssueEvent[], kind: IssueEvent['kind'], from: IssueStatus | null, to: IssueStatus) {
  const at = new Date(Date.UTC(2026, 11, 1, 1, n)).toISOString();
  const entry: Omit<IssueEvent, 'hash'> = {
    id: `019c4b01-91c0-7d8e-84a9-${String(n++).padStart(12, '0')}`,
    createdAt: at,
    updatedAt: at,
    issueId: 'i1',
    ...nextPosition(copy),
    kind,
    fromStatus: from,
    toStatus: to,
    actorName: '李明',
    at,
    note: '',
    evidencePhotoSha256: [],
    newDeadline: null,
  };
  const event = { ...entry, hash: hashEntrySync(entry.prevHash, entry) };
  copy.push(event);
  return event;
}

describe('steps taken apart that contradict each other', () => {
  it('names a close-out on one laptop and an extension on the other until a step follows both', () => {
    const a: IssueEvent[] = [];
    step(a, 'created', null, 'draft');
    step(a, 'issued', 'draft', 'issued');
    step(a, 'reinspectionRequested', 'issued', 'awaitingReinspection');
    const b = [...a];
    const closed = step(a, 'closed', 'awaitingReinspection', 'closed');
    const extended = step(b, 'extensionGranted', 'awaitingReinspection', 'inProgress');
    const merged = [...a, extended];
    expect(contradictingSteps(merged)).toEqual([{ first: closed, second: extended }]);
    step(merged, 'coordinationFlagged', 'inProgress', 'inProgress');
    expect(contradictingSteps(merged)).toEqual([]);
  });

  it('does not flag steps that agree or leave the status alone', () => {
    const a: IssueEvent[] = [];
    step(a, 'created', null, 'draft');
    step(a, 'issued', 'draft', 'issued');
    const b = [...a];
    step(a, 'acknowledged', 'issued', 'acknowledged');
    step(a, 'deadlineChanged', 'acknowledged', 'acknowledged');
    step(b, 'acknowledged', 'issued', 'acknowledged');
    step(b, 'coordinationFlagged', 'acknowledged', 'acknowledged');
    expect(contradictingSteps([...a, ...b.slice(2)])).toEqual([]);
  });
});

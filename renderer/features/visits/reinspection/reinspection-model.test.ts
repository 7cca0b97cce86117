import { describe, expect, it } from 'vitest';
import type { Team } from '../../../../shared/domain/organization';
import { makeVisit } from '../../../../test/fixtures/records';
import {
  draftReinspection,
  inspectorOf,
  pairRows,
  resultBlocker,
  teamLeaderName,
} from './reinspection-model';

const TEAM: Team = {
  id: 'team-1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  name: '市委督查室第一督查组',
  leaderId: 'person-li',
  memberIds: ['person-li', 'person-wang'],
  documentPrefix: '督查',
};
const NAMES = new Map([
  ['person-li', '李明'],
  ['person-wang', '王芳'],
]);

describe('a new re-inspection', () => {
  it('is a draft re-inspection of the issue’s project carrying it, dated and timed in the office’s zone', () => {
    // 23:30 on 24 November in UTC is already 25 November, 07:30, in China.
    const now = Date.parse('2026-11-24T23:30:00.000Z');
    const visit = draftReinspection(
      { id: 'issue-1', projectId: 'project-1' },
      TEAM,
      now,
      '2026-11-25',
      'Asia/Shanghai',
    );
    expect(visit).toMatchObject({
      projectId: 'project-1',
      type: 'reinspection',
      date: '2026-11-25',
      startTime: '07:30',
      status: 'draft',
      teamId: 'team-1',
      memberIds: ['person-li', 'person-wang'],
      reinspectedIssueIds: ['issue-1'],
    });
    expect(draftReinspection({ id: 'i', projectId: 'p' }, undefined, now, '2026-11-24', 'UTC')).toMatchObject(
      {
        date: '2026-11-24',
        startTime: '23:30',
        teamId: null,
      },
    );
  });
});

describe('who re-inspected', () => {
  const signature = {
    role: 'inspector' as const,
    name: '赵督查',
    signedAt: '2026-11-25T03:00:00.000Z',
    imageSha256: 'a'.repeat(64),
  };

  it('is the signed inspector, else the leader of the visit’s team, else not known', () => {
    expect(inspectorOf(makeVisit({ teamId: 'team-1', signatures: [signature] }), [TEAM], NAMES)).toBe(
      '赵督查',
    );
    expect(
      inspectorOf(
        makeVisit({ teamId: 'team-1', signatures: [{ ...signature, role: 'siteRepresentative' }] }),
        [TEAM],
        NAMES,
      ),
    ).toBe('李明');
    expect(inspectorOf(makeVisit({ teamId: null }), [TEAM], NAMES)).toBe('');
    expect(inspectorOf(makeVisit({ teamId: 'team-1' }), [TEAM], undefined)).toBe('');
    expect(teamLeaderName(TEAM, NAMES)).toBe('李明');
    expect(teamLeaderName({ ...TEAM, leaderId: null }, NAMES)).toBe('');
  });
});

describe('whether a result can be recorded', () => {
  it('only while the issue awaits re-inspection and the visit is a draft', () => {
    expect(resultBlocker({ status: 'awaitingReinspection' })).toBeNull();
    expect(resultBlocker({ status: 'closed' })).toBe('closed');
    for (const status of ['inProgress', 'rectificationReported', 'draft'] as const)
      expect(resultBlocker({ status })).toBe('notAwaiting');
  });
});

describe('photo pairs', () => {
  it('lines the n-th after photo up with the n-th before photo, with at least one row', () => {
    expect(pairRows(['b1', 'b2', 'b3'], ['a1'])).toEqual([
      { before: 'b1', after: 'a1' },
      { before: 'b2', after: null },
      { before: 'b3', after: null },
    ]);
    expect(pairRows([], ['a1', 'a2'])).toEqual([
      { before: null, after: 'a1' },
      { before: null, after: 'a2' },
    ]);
    expect(pairRows([], [])).toEqual([{ before: null, after: null }]);
  });
});

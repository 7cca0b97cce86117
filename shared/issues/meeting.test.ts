import { describe, expect, it } from 'vitest';
import type { IssueStatus } from '../domain/issue';
import { groupForMeeting, isForMeeting, type MeetingIssue, meetingTotals } from './meeting';

const TODAY = '2026-03-10';

const UNITS: Record<string, string> = {
  power: '宁洱供电局',
  gov: '宁洱政府',
  water: '宁洱水务局',
  land: '景谷国土局',
};
const unitName = (id: string) => UNITS[id] ?? id;

const issue = (
  id: string,
  responsibleUnitIds: string[],
  deadline: string,
  status: IssueStatus = 'inProgress',
  needsCoordination = true,
): MeetingIssue => ({ id, responsibleUnitIds, deadline, status, needsCoordination });

// Red: a (03-05) and f (03-01); yellow: b (03-12, two days left); green: e, g, h.
const ISSUES = [
  issue('a', ['power', 'gov'], '2026-03-05'),
  issue('b', ['water', 'gov'], '2026-03-12', 'issued'),
  issue('c', ['gov'], '2026-03-01', 'closed'), // closed out: not on the list
  issue('d', ['power'], '2026-03-01', 'inProgress', false), // not flagged for the meeting
  issue('e', ['land'], '2026-04-01', 'draft'),
  issue('f', ['water'], '2026-03-01', 'acknowledged'),
  issue('g', ['gov', 'gov'], '2026-03-20'), // the unit named twice
  issue('h', ['land'], '2026-04-01', 'extensionRequested'), // same deadline as e: by id
];

const shape = (groups: ReturnType<typeof groupForMeeting>) =>
  groups.map((g) => ({
    unit: g.unitId,
    items: g.items.map((i) => `${i.issue.id}${i.coUnitIds.length ? `+${i.coUnitIds.join('+')}` : ''}`),
  }));

describe('the joint-meeting list', () => {
  it('keeps open issues flagged for coordination only', () => {
    expect(ISSUES.filter(isForMeeting).map((i) => i.id)).toEqual(['a', 'b', 'e', 'f', 'g', 'h']);
  });

  it('groups by responsible unit, most issues first, ties by the unit’s name in pinyin order', () => {
    // gov: a, b, g (3); land: e, h (2) and water: b, f (2) — 景(jing) before 宁(ning); power: a (1).
    expect(shape(groupForMeeting(ISSUES, unitName))).toEqual([
      { unit: 'gov', items: ['a+power', 'b+water', 'g'] },
      { unit: 'land', items: ['e', 'h'] },
      { unit: 'water', items: ['f', 'b+gov'] },
      { unit: 'power', items: ['a+gov'] },
    ]);
  });

  it('gives the same groups whatever order the issues come in', () => {
    const reversed = groupForMeeting([...ISSUES].reverse(), unitName);
    expect(shape(reversed)).toEqual(shape(groupForMeeting(ISSUES, unitName)));
  });

  it('breaks a tie of count and name by the unit id, and names unknown units by id', () => {
    const groups = groupForMeeting(
      [issue('x', ['u2'], '2026-03-11'), issue('y', ['u1'], '2026-03-11')],
      () => '同名单位',
    );
    expect(groups.map((g) => g.unitId)).toEqual(['u1', 'u2']);
  });

  it('has no groups when nothing needs the meeting', () => {
    expect(
      groupForMeeting(
        ISSUES.filter((i) => i.id === 'c' || i.id === 'd'),
        unitName,
      ),
    ).toEqual([]);
  });

  it('counts each issue once in the totals, with its colour card as of today', () => {
    // Distinct: a, b, e, f, g, h = 6 issues in 4 groups; red a and f = 2; yellow b = 1.
    expect(meetingTotals(groupForMeeting(ISSUES, unitName), TODAY)).toEqual({
      issues: 6,
      units: 4,
      overdue: 2,
      dueSoon: 1,
    });
    // On 03-12 b is due today: still yellow.
    expect(meetingTotals(groupForMeeting(ISSUES, unitName), '2026-03-12')).toEqual({
      issues: 6,
      units: 4,
      overdue: 2,
      dueSoon: 1,
    });
    // On 03-13 b is overdue too; g (03-20) is not yet within three days.
    expect(meetingTotals(groupForMeeting(ISSUES, unitName), '2026-03-13')).toMatchObject({
      overdue: 3,
      dueSoon: 0,
    });
    // On 03-17 g (03-20) is three days away: yellow.
    expect(meetingTotals(groupForMeeting(ISSUES, unitName), '2026-03-17')).toMatchObject({
      overdue: 3,
      dueSoon: 1,
    });
  });
});

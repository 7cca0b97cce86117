import { describe, expect, it } from 'vitest';
import type { Milestone } from '../domain/project';
import { laggingMilestones, milestoneLag, nextMilestone } from './milestones';

const TODAY = '2026-05-31'; // "5月底前所有项目开工"
const m = (kind: Milestone['kind'], planned: string | null, actual: string | null = null): Milestone => ({
  kind,
  planned,
  actual,
});

describe('milestoneLag', () => {
  it('is actual − planned for a milestone reached', () => {
    // Planned 03-01, reached 04-15: March has 31 days → 30 + 15 = 45 days late.
    expect(milestoneLag(m('groundbreaking', '2026-03-01', '2026-04-15'), TODAY)).toBe(45);
    // Reached 02-20 for a 03-01 plan: Feb 2026 has 28 days → 8 days left in Feb + 1 = 9 days early.
    expect(milestoneLag(m('groundbreaking', '2026-03-01', '2026-02-20'), TODAY)).toBe(-9);
    // On the day: 0.
    expect(milestoneLag(m('approval', '2026-01-10', '2026-01-10'), TODAY)).toBe(0);
  });

  it('is today − planned for a milestone not reached', () => {
    // Planned 05-01, not reached, today 05-31 → 30 days late.
    expect(milestoneLag(m('constructionPermit', '2026-05-01'), TODAY)).toBe(30);
    // Planned today → 0; planned 06-10 → 10 days still left → −10.
    expect(milestoneLag(m('constructionPermit', '2026-05-31'), TODAY)).toBe(0);
    expect(milestoneLag(m('mainStructureDone', '2026-06-10'), TODAY)).toBe(-10);
  });

  it('is null without a planned date', () => {
    expect(milestoneLag(m('operation', null), TODAY)).toBeNull();
    expect(milestoneLag(m('operation', null, '2026-05-01'), TODAY)).toBeNull();
  });
});

const project = {
  milestones: [
    m('approval', '2026-01-05', '2026-01-20'), // reached 15 days late: history, not a warning
    m('environmentalApproval', '2026-04-21'), // open, April has 30 days: (30 − 21) + 31 = 40 days late
    m('landApproval', '2026-05-21'), // open, 10 days late
    m('constructionPermit', '2026-05-21'), // open, 10 days late (same lag: sequence order)
    m('groundbreaking', '2026-06-15'), // open, 15 days left
    m('completionAcceptance', null), // open, no plan
  ],
};

describe('laggingMilestones (倒排工期 warnings)', () => {
  it('lists open milestones past their plan, the latest first', () => {
    expect(laggingMilestones(project, TODAY).map((s) => [s.milestone.kind, s.lagDays])).toEqual([
      ['environmentalApproval', 40],
      ['landApproval', 10],
      ['constructionPermit', 10],
    ]);
  });

  it('is empty when everything open is still within its plan', () => {
    expect(laggingMilestones(project, '2026-04-21')).toEqual([]);
  });
});

describe('nextMilestone', () => {
  it('is the open milestone planned soonest', () => {
    expect(nextMilestone(project, TODAY)).toEqual({
      milestone: m('environmentalApproval', '2026-04-21'),
      lagDays: 40,
    });
    const onlyFuture = { milestones: [m('operation', '2027-01-01'), m('groundbreaking', '2026-06-15')] };
    // 06-15 − 05-31 = 15 days left → −15.
    expect(nextMilestone(onlyFuture, TODAY)).toEqual({
      milestone: m('groundbreaking', '2026-06-15'),
      lagDays: -15,
    });
  });

  it('falls back to the sequence when nothing open is planned, and is null when all are reached', () => {
    const unplanned = { milestones: [m('operation', null), m('groundbreaking', null)] };
    expect(nextMilestone(unplanned, TODAY)).toEqual({ milestone: m('groundbreaking', null), lagDays: null });
    expect(nextMilestone({ milestones: [m('approval', '2026-01-05', '2026-01-20')] }, TODAY)).toBeNull();
    expect(nextMilestone({ milestones: [] }, TODAY)).toBeNull();
  });
});

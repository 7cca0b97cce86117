import { describe, expect, it } from 'vitest';
import type { Milestone } from '../domain/project';
import { startCounts, startRate } from './start-rate';

const TODAY = '2026-05-31';
const groundbreaking = (planned: string | null, actual: string | null) => ({
  milestones: [{ kind: 'groundbreaking', planned, actual } satisfies Milestone],
});

const projects = [
  groundbreaking('2026-03-01', '2026-04-15'), // planned, started late       → planned, started
  groundbreaking('2026-05-31', null), //         planned today, not started   → planned
  groundbreaking('2026-04-01', '2026-03-20'), // planned, started early       → planned, started
  groundbreaking('2026-05-01', null), //         planned, not started         → planned
  groundbreaking('2026-09-01', '2026-05-10'), // plan not yet due, started    → neither
  groundbreaking(null, '2026-02-01'), //         no plan                      → neither
  groundbreaking('2026-02-01', '2026-06-30'), // "started" after today: slip  → planned
  { milestones: [{ kind: 'approval', planned: '2026-01-01', actual: null } satisfies Milestone] }, // → neither
];

describe('startRate (开工率)', () => {
  it('counts, of projects planned to start by today, those that have started', () => {
    // planned: rows 1, 2, 3, 4, 7 = 5; started among them: rows 1, 3 = 2 → 2 / 5 = 0.4.
    expect(startCounts(projects, TODAY)).toEqual({ planned: 5, started: 2 });
    expect(startRate(projects, TODAY)).toBe(0.4);
  });

  it('moves with today', () => {
    // On 2026-04-30 only rows 1 (03-01), 3 (04-01) and 7 (02-01) are due; 1 and 3 started → 2 / 3.
    expect(startCounts(projects, '2026-04-30')).toEqual({ planned: 3, started: 2 });
    expect(startRate(projects, '2026-04-30')).toBeCloseTo(2 / 3, 12);
  });

  it('counts plans up to a later date when a target asks for it', () => {
    // "5月底前所有项目开工", counted on 04-30: the plans due by 05-31 are rows 1, 2, 3, 4, 7 = 5, of
    // which rows 1 and 3 have started by 04-30 (row 5's plan is in September) → 2 of 5.
    expect(startCounts(projects, '2026-04-30', '2026-05-31')).toEqual({ planned: 5, started: 2 });
  });

  it('is null when no project was planned to start', () => {
    expect(startRate([], TODAY)).toBeNull();
    expect(startRate(projects, '2026-01-01')).toBeNull();
  });
});

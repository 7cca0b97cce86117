// 开工率 across a set of projects: of those planned to have broken ground by today, how many have.
import type { Project } from '../domain/project';

export interface StartCounts {
  /** Projects whose groundbreaking (开工) was planned on or before today. */
  planned: number;
  /** Of those, the ones with an actual groundbreaking date on or before today. */
  started: number;
}

/**
 * Counts for 开工率. A project that broke ground before its planned date is counted once its plan
 * falls due; counting it earlier would let the rate exceed 100%. An actual date after today is a
 * typing slip, not a start, and does not count.
 *
 * `plannedBy` (today unless given) is the date the plans are counted up to: a target such as
 * "5月底前所有项目开工" counts, already in March, every project planned to start by the end of May.
 */
export function startCounts(
  projects: readonly Pick<Project, 'milestones'>[],
  today: string,
  plannedBy: string = today,
): StartCounts {
  let planned = 0;
  let started = 0;
  for (const project of projects) {
    const groundbreaking = project.milestones.find((m) => m.kind === 'groundbreaking');
    // YYYY-MM-DD strings compare as dates.
    if (!groundbreaking?.planned || groundbreaking.planned > plannedBy) continue;
    planned += 1;
    if (groundbreaking.actual !== null && groundbreaking.actual <= today) started += 1;
  }
  return { planned, started };
}

/** 开工率 as a fraction; null when no project was planned to start by today. */
export function startRate(projects: readonly Pick<Project, 'milestones'>[], today: string): number | null {
  const { planned, started } = startCounts(projects, today);
  return planned === 0 ? null : started / planned;
}

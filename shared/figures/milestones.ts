// 倒排工期: how far each key milestone (关键节点) runs behind its plan, counted in calendar days.
import { daysBetween } from '../domain/dates';
import { MILESTONE_KINDS, type Milestone, type Project } from '../domain/project';

/**
 * Days a milestone is late against its planned date, with `today` as YYYY-MM-DD:
 * - done: actual − planned (negative when it was reached early);
 * - not done: today − planned, so positive once the planned date has passed, and zero or negative
 *   (the days still left) while it has not;
 * - null when the milestone has no planned date.
 */
export function milestoneLag(milestone: Milestone, today: string): number | null {
  if (milestone.planned === null) return null;
  return daysBetween(milestone.planned, milestone.actual ?? today);
}

export interface MilestoneStatus {
  milestone: Milestone;
  /** As milestoneLag. */
  lagDays: number | null;
}

const sequence = (m: Milestone): number => MILESTONE_KINDS.indexOf(m.kind);

/**
 * The warning list: milestones not yet reached whose planned date has passed, the latest first
 * (ties in the order a project passes its milestones). Milestones reached late are history, not a
 * warning, and are left out.
 */
export function laggingMilestones(project: Pick<Project, 'milestones'>, today: string): MilestoneStatus[] {
  return project.milestones
    .filter((m) => m.actual === null)
    .map((milestone) => ({ milestone, lagDays: milestoneLag(milestone, today) }))
    .filter((s): s is { milestone: Milestone; lagDays: number } => s.lagDays !== null && s.lagDays > 0)
    .sort((a, b) => b.lagDays - a.lagDays || sequence(a.milestone) - sequence(b.milestone));
}

/**
 * The milestone the project has to reach next: of those not yet reached, the one planned soonest
 * (overdue ones first, as they are planned earliest); when none has a planned date, the first not
 * reached in the order a project passes them. Null when every milestone is reached.
 */
export function nextMilestone(project: Pick<Project, 'milestones'>, today: string): MilestoneStatus | null {
  const open = project.milestones.filter((m) => m.actual === null);
  const planned = open.filter((m): m is Milestone & { planned: string } => m.planned !== null);
  const pick =
    planned.length > 0
      ? planned.sort((a, b) => a.planned.localeCompare(b.planned) || sequence(a) - sequence(b))[0]
      : open.sort((a, b) => sequence(a) - sequence(b))[0];
  return pick ? { milestone: pick, lagDays: milestoneLag(pick, today) } : null;
}

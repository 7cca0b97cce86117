// Progress ratios of one project that the leaders ask for at every 调度会.
import { ratio } from '../domain/money';
import type { Project } from '../domain/project';

/** 年度投资完成率: completed this year / this year's plan, as a fraction; null when there is no plan. */
export function annualCompletionRate(
  project: Pick<Project, 'annualPlan' | 'completedThisYear'>,
): number | null {
  return ratio(project.completedThisYear, project.annualPlan);
}

/**
 * 竣工面积比例: completed floor area / planned floor area, as a fraction. Null when the project has no
 * area (a sewage plant) or the completed area was never reported.
 */
export function completedAreaRatio(project: Pick<Project, 'scale'>): number | null {
  const { areaM2, completedAreaM2 } = project.scale;
  if (areaM2 === null || areaM2 === 0 || completedAreaM2 === null) return null;
  return completedAreaM2 / areaM2;
}

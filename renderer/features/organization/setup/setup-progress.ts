// Where the set-up after 从空白开始 stands, read from what the database holds (never from a flag), so a
// reload mid-way opens at the first step not yet done.
import type { Organization, WorkingContext } from '../../../db';

export const SETUP_STEPS = ['team', 'counties', 'units', 'people'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** The index of the first unfinished step, or null when the team is set up. Units may be skipped. */
export function firstUnfinishedStep(org: Organization, working: WorkingContext): number | null {
  if (!working.team) return 0;
  if (!org.regions.some((r) => r.level === 'county')) return 1;
  if (org.people.length > 0 && working.person) return null;
  return org.units.length === 0 ? 2 : 3;
}

// Whether the app should open at the set-up: a laptop that chose 从空白开始, has no projects yet, and
// whose team is not yet set up (read from the database, as the set-up's own steps are).
import { useHasProjects, useOrganization, useSetupChoice, useWorkingContext } from '../../../db';
import { firstUnfinishedStep } from './setup-progress';

/** undefined while loading. */
export function useNeedsSetup(): boolean | undefined {
  const setup = useSetupChoice();
  const hasProjects = useHasProjects();
  const org = useOrganization();
  const working = useWorkingContext();
  if (setup === undefined || hasProjects === undefined) return undefined;
  if (setup?.choice !== 'empty' || hasProjects) return false;
  if (!org || !working) return undefined;
  return firstUnfinishedStep(org, working) !== null;
}

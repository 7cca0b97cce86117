// What the leader's page (index.html of an export folder) lists: every live project, visit and issue,
// with the names to show them by.
import type { Issue } from '../../../../shared/domain/issue';
import type { Project } from '../../../../shared/domain/project';
import type { Visit } from '../../../../shared/domain/visit';
import { type DuchaDatabase, isLive, recordOfStored } from '../../database';
import { type Organization, readOrganization } from '../organization';
import { readWorkingContext } from '../working-context';

export interface LeaderPageSource {
  readonly organization: Organization;
  readonly projects: Project[];
  readonly visits: Visit[];
  readonly issues: Issue[];
  /** The working team's issuing authority (else its name), as the bulletin's sender. */
  readonly teamName: string;
}

export async function leaderPageSource(db: DuchaDatabase): Promise<LeaderPageSource> {
  const [organization, projects, visits, issues, { team }] = await Promise.all([
    readOrganization(db),
    db.projects.toArray(),
    db.visits.orderBy('date').toArray(),
    db.issues.orderBy('deadline').toArray(),
    readWorkingContext(db),
  ]);
  return {
    organization,
    projects: projects.filter(isLive).map((r) => recordOfStored<Project>(r)),
    visits: visits.filter(isLive).map((r) => recordOfStored<Visit>(r)),
    issues: issues.filter(isLive).map((r) => recordOfStored<Issue>(r)),
    teamName: team?.issuingAuthority?.trim() || team?.name || '',
  };
}

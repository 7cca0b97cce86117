// A new visit starts as a draft with today's date and time and the team's members, so nothing an
// inspector types later can be lost to an unsaved form.
import { localDate } from '../../../shared/domain/dates';
import type { Team } from '../../../shared/domain/organization';
import type { Visit } from '../../../shared/domain/visit';
import { uuidv7 } from '../../../shared/ids/uuidv7';

export function draftVisit(projectId: string, team: Team | undefined, now: number): Visit {
  const at = new Date(now).toISOString();
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(now));
  return {
    id: uuidv7(now),
    createdAt: at,
    updatedAt: at,
    projectId,
    type: 'scheduled',
    date: localDate(now),
    startTime: time,
    teamId: team?.id ?? null,
    memberIds: team?.memberIds ?? [],
    location: null,
    weather: '',
    progressNarrative: '',
    percentComplete: null,
    reportedInvestment: null,
    workersOnSite: null,
    machinesOnSite: null,
    reinspectedIssueIds: [],
    signatures: [],
    status: 'draft',
    finalizedAt: null,
  };
}

// Who is working on this laptop: the team whose documents it makes and the person who acts. Both are
// choices of this laptop (kept in meta, never synced): several people may share one laptop, and the
// person chosen is the actor of every history entry, the signature's default name and 经办 in
// documents. With sync, choosing becomes signing in.
import type { Person, Team } from '../../../shared/domain/organization';
import { type DuchaDatabase, liveRecord, liveRecords } from '../database';

const TEAM_KEY = 'workingTeam';
const PERSON_KEY = 'workingPerson';

export interface WorkingContext {
  /** This laptop's team: the chosen one, or the first team on record when none was chosen. */
  team: Team | null;
  /** The person working now; null until someone is chosen. */
  person: Person | null;
}

async function chosenId(db: DuchaDatabase, key: string): Promise<string | null> {
  const row = await db.meta.get(key);
  return typeof row?.value === 'string' ? row.value : null;
}

export async function readWorkingContext(db: DuchaDatabase): Promise<WorkingContext> {
  const [teamId, personId] = await Promise.all([chosenId(db, TEAM_KEY), chosenId(db, PERSON_KEY)]);
  const chosenTeam = teamId === null ? null : liveRecord<Team>(await db.teams.get(teamId));
  const team =
    chosenTeam ??
    liveRecords<Team>(await db.teams.toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0] ??
    null;
  const person = personId === null ? null : liveRecord<Person>(await db.people.get(personId));
  return { team, person: person?.retired ? null : person };
}

export async function chooseWorkingTeam(db: DuchaDatabase, teamId: string | null): Promise<void> {
  await (teamId === null ? db.meta.delete(TEAM_KEY) : db.meta.put({ key: TEAM_KEY, value: teamId }));
}

export async function chooseWorkingPerson(db: DuchaDatabase, personId: string | null): Promise<void> {
  await (personId === null ? db.meta.delete(PERSON_KEY) : db.meta.put({ key: PERSON_KEY, value: personId }));
}

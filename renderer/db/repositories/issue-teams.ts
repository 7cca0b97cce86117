// Which team each issue belongs to, for a laptop holding several teams' records (the city office's):
// the team of the visit that found it; for an issue recorded without a visit, the team whose server log
// it came from, named by the team record that came from the same log (syncRowTeams, kept by an office
// laptop's sync). An issue of neither kind is left out.
import type { Issue } from '../../../shared/domain/issue';
import type { Team } from '../../../shared/domain/organization';
import type { Visit } from '../../../shared/domain/visit';
import { rowKey, splitRowKey } from '../../../shared/sync/merge';
import { type DuchaDatabase, isLive, type Stored } from '../database';

/** The rows of one table noted as a team log's: row id → the server's team id. */
async function logTeamsOf(db: DuchaDatabase, table: string): Promise<Map<string, string>> {
  const rows = await db.syncRowTeams
    .where('key')
    .between(rowKey(table, ''), rowKey(table, '\uffff'), true, true)
    .toArray();
  return new Map(rows.map((r) => [splitRowKey(r.key).rowId, r.teamId]));
}

/** Issue id → the id of its team's record on this laptop. */
export async function issueTeams(db: DuchaDatabase): Promise<Map<string, string>> {
  const [issues, visits, teams, issueLogs, teamLogs] = await Promise.all([
    db.issues.toArray() as Promise<Stored<Issue>[]>,
    db.visits.toArray() as Promise<Stored<Visit>[]>,
    db.teams.toArray() as Promise<Stored<Team>[]>,
    logTeamsOf(db, 'issues'),
    logTeamsOf(db, 'teams'),
  ]);
  const visitTeam = new Map(visits.filter(isLive).map((v) => [v.id, v.teamId]));
  // A server log's team record: the first live one that came from that log.
  const recordOfLog = new Map<string, string>();
  for (const team of teams.filter(isLive).sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    const log = teamLogs.get(team.id);
    if (log !== undefined && !recordOfLog.has(log)) recordOfLog.set(log, team.id);
  }
  const result = new Map<string, string>();
  for (const issue of issues) {
    if (!isLive(issue)) continue;
    const fromVisit = issue.visitId === null ? null : (visitTeam.get(issue.visitId) ?? null);
    const log = issueLogs.get(issue.id);
    const team = fromVisit ?? (log === undefined ? undefined : recordOfLog.get(log));
    if (team) result.set(issue.id, team);
  }
  return result;
}

// What an inspector does on a laptop during the fault run, as record writes: new projects and issues
// (whole records), changes to a few fields of ones the laptop holds (its own, or others' it got by
// sync or USB, so the same field is changed on several laptops apart), and now and then a deletion.
// Values are unique per write, so every change is news to every other laptop.
import { SEVERITIES } from '../../../shared/domain/issue';
import { PROJECT_PHASES } from '../../../shared/domain/project';
import type { Random } from '../../../server/test/support/random';
import { type DuchaDatabase, isLive, type Stored } from '../../../renderer/db/database';
import type { RecordPatch } from '../../../renderer/db/record-writer';
import { makeIssue, makeProject } from '../../fixtures/records';

let serial = 0;

async function liveIds(db: DuchaDatabase, table: 'projects' | 'issues'): Promise<string[]> {
  const rows = (await db.table(table).toArray()) as Stored<{ id: string }>[];
  return rows.filter(isLive).map((row) => row.id);
}

/** One local write of `who`'s laptop, chosen at random from what it holds. */
export async function randomEdit(db: DuchaDatabase, who: string, random: Random): Promise<RecordPatch[]> {
  serial += 1;
  const tag = `${who}#${String(serial)}`;
  const projects = await liveIds(db, 'projects');
  const roll = random.between(0, 99);
  if (projects.length < 3 || roll < 20) {
    const id = `p-${tag}`;
    return [{ table: 'projects', id, fields: makeProject({ id, name: `项目 ${tag}`, notes: '' }) }];
  }
  if (roll < 30) {
    const id = `i-${tag}`;
    const projectId = random.pick(projects);
    return [{ table: 'issues', id, fields: makeIssue({ id, projectId, title: `问题 ${tag}` }) }];
  }
  if (roll < 33) return [{ table: 'projects', id: random.pick(projects), fields: { _deleted: true } }];
  const issues = await liveIds(db, 'issues');
  const patches: RecordPatch[] = [];
  for (let n = random.between(1, 3); n > 0; n -= 1) {
    if (issues.length > 0 && random.chance(0.4)) {
      const fields = random.pick([
        { description: `说明 ${tag}-${String(n)}` },
        { responsiblePerson: `负责人 ${tag}`.slice(0, 50) },
        { severity: random.pick(SEVERITIES) },
        { needsCoordination: random.chance(0.5) },
      ]);
      patches.push({ table: 'issues', id: random.pick(issues), fields });
    } else {
      const fields = random.pick([
        { notes: `备注 ${tag}-${String(n)}` },
        { owner: `业主 ${tag}` },
        { name: `项目 ${tag}-${String(n)}` },
        { planYear: random.between(2020, 2030) },
        { phase: random.pick(PROJECT_PHASES) },
      ]);
      patches.push({ table: 'projects', id: random.pick(projects), fields });
    }
  }
  return patches;
}

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Photo } from '../../../shared/domain/photo';
import { makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../database';
import { EvidencePhotoMissingError } from './issue-evidence';
import { photosOf } from './photos';
import { createRecords } from './records';
import { createVisit, type FindingInput, recordFinding } from './visits';

const T0 = Date.parse('2026-12-07T02:00:00.000Z');
const project = makeProject();
const visit = makeVisit({ id: 'visit-1', projectId: project.id });

let counter = 0;
const open: DuchaDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const photo = (id: string, sha: string, visitId: string | null = visit.id): Photo => ({
  id,
  createdAt: '2026-12-07T01:00:00.000Z',
  updatedAt: '2026-12-07T01:00:00.000Z',
  sha256: sha.repeat(64),
  fileName: `${id}.jpg`,
  mimeType: 'image/jpeg',
  byteLength: 1000,
  width: 640,
  height: 480,
  takenAt: '2026-12-07T01:00:00.000Z',
  gps: null,
  camera: null,
  orientation: 1,
  caption: id === 'p1' ? '东侧围挡缺口' : '',
  projectId: project.id,
  visitId,
  issueId: null,
  checklistItemId: null,
});

const finding = (extra: Partial<FindingInput> = {}): FindingInput => ({
  title: '工地东侧约30米未围挡',
  description: '',
  category: 'environment',
  severity: 'general',
  responsibleUnitIds: ['unit-water'],
  deadline: '2026-12-22',
  needsCoordination: false,
  ...extra,
});

async function setup() {
  const db = createDatabase(`issue-evidence-test-${++counter}`);
  await db.open();
  open.push(db);
  await createRecords(db, 'projects', [project]);
  await createVisit(db, visit);
  await createRecords(db, 'photos', [
    photo('p1', 'a'),
    photo('p2', 'b'),
    photo('p3', 'c'),
    photo('other', 'd', null),
  ]);
  return db;
}

describe('a finding with the visit’s photos and its checklist item', () => {
  it('links the picked photos to the issue, still shown on the visit, and records the item', async () => {
    const db = await setup();
    const item = { resultId: 'result-1', itemKey: 'd1', text: '施工现场周边100%围挡' };
    const issue = await recordFinding(
      db,
      visit,
      project,
      finding({ photoIds: ['p1', 'p2'], checklistItem: item }),
      '王督查',
      T0,
    );
    expect((await db.issues.get(issue.id))?.checklistItem).toEqual(item);
    const onIssue = await photosOf(db, { issueId: issue.id });
    expect(onIssue.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    expect(onIssue.find((p) => p.id === 'p1')?.caption).toBe('东侧围挡缺口');
    // The visit keeps all three, once each: no picture was copied.
    expect((await photosOf(db, { visitId: visit.id })).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('gives a photo that already shows another issue a second record for this one, same original', async () => {
    const db = await setup();
    const first = await recordFinding(db, visit, project, finding({ photoIds: ['p1'] }), '王督查', T0);
    const second = await recordFinding(
      db,
      visit,
      project,
      finding({ title: '裸土未覆盖', photoIds: ['p1', 'p3'] }),
      '王督查',
      T0 + 1000,
    );
    expect((await photosOf(db, { issueId: first.id })).map((p) => p.id)).toEqual(['p1']);
    const onSecond = await photosOf(db, { issueId: second.id });
    expect(onSecond).toHaveLength(2);
    const copy = onSecond.find((p) => p.id !== 'p3');
    expect(copy?.sha256).toBe('a'.repeat(64));
    expect(copy?.visitId).toBeNull();
    expect((await photosOf(db, { visitId: visit.id })).map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('refuses a photo that is not the visit’s and writes nothing', async () => {
    const db = await setup();
    const outbox = await db.outbox.count();
    await expect(
      recordFinding(db, visit, project, finding({ photoIds: ['p1', 'other'] }), '王督查', T0),
    ).rejects.toBeInstanceOf(EvidencePhotoMissingError);
    expect(await db.issues.count()).toBe(0);
    expect((await db.photos.get('p1'))?.issueId).toBeNull();
    expect(await db.outbox.count()).toBe(outbox);
  });
});

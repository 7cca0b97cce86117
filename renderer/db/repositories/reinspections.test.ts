import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Photo } from '../../../shared/domain/photo';
import type { Visit } from '../../../shared/domain/visit';
import type { StepKind } from '../../../shared/issues/lifecycle';
import { makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../database';
import { applyIssueStep, historyOfIssue, IssueStepRefusedError, verifyIssueHistory } from './issue-steps';
import {
  beforeAndAfterPhotos,
  recordReinspectionResult,
  reinspectionsOfIssue,
  splitBeforeAfter,
  startReinspection,
} from './reinspections';
import { createRecords, deleteRecord } from './records';
import { signVisit } from './sign-off';
import { createVisit, finalizeVisit, recordFinding } from './visits';

const T0 = Date.parse('2026-11-20T02:00:00.000Z');
const TODAY = '2026-11-25';
const project = makeProject();
const foundOn = makeVisit({ id: 'visit-found' });

let counter = 0;
const open: DuchaDatabase[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A project with a finding walked to `status` on its page, as the issue page does it. */
async function setup(status: 'inProgress' | 'rectificationReported' | 'awaitingReinspection') {
  const db = createDatabase(`reinspections-test-${++counter}`);
  await db.open();
  open.push(db);
  await createRecords(db, 'projects', [project]);
  await createVisit(db, foundOn);
  const issue = await recordFinding(
    db,
    foundOn,
    project,
    {
      title: '渗滤液调节池未加盖',
      description: '',
      category: 'environment',
      severity: 'serious',
      responsibleUnitIds: ['unit-env'],
      deadline: '2026-12-05',
      needsCoordination: false,
    },
    '王督查',
    T0,
  );
  const walk: StepKind[] = [
    'issued',
    'acknowledged',
    'progressNoted',
    'rectificationReported',
    'reinspectionRequested',
  ];
  const stop = { inProgress: 3, rectificationReported: 4, awaitingReinspection: 5 }[status];
  for (const [i, kind] of walk.slice(0, stop).entries())
    await applyIssueStep(db, issue.id, { kind, actorName: '县环保局', note: '' }, T0 + i + 1);
  return { db, issue };
}

/** A re-inspection draft as the issue page makes one (dated today in the office's zone). */
const draft = (id: string, date = TODAY): Visit =>
  makeVisit({ id, type: 'scheduled', date, projectId: 'to be replaced' });

let photoCounter = 0;
const photo = (issueId: string, visitId: string | null, takenAt: string, sha?: string): Photo => {
  const n = ++photoCounter;
  return {
    id: `photo-${n}`,
    createdAt: takenAt,
    updatedAt: takenAt,
    sha256: sha ?? n.toString(16).padStart(64, '0'),
    fileName: `IMG_${n}.jpg`,
    mimeType: 'image/jpeg',
    byteLength: 1000,
    width: 640,
    height: 480,
    takenAt,
    gps: null,
    camera: null,
    orientation: 1,
    caption: '',
    projectId: project.id,
    visitId,
    issueId,
    checklistItemId: null,
  };
};

const SIGNATURE = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });

describe('starting a re-inspection', () => {
  it('creates a draft re-inspection of the issue’s project carrying the issue, and reopens it the next time', async () => {
    const { db, issue } = await setup('awaitingReinspection');
    const first = await startReinspection(db, issue.id, draft('visit-r1'), '', T0 + 100);
    expect(first).toEqual({ visitId: 'visit-r1', how: 'created' });
    const stored = await db.visits.get('visit-r1');
    expect(stored).toMatchObject({
      projectId: project.id,
      type: 'reinspection',
      date: TODAY,
      status: 'draft',
      reinspectedIssueIds: [issue.id],
    });

    const again = await startReinspection(db, issue.id, draft('visit-r2', '2026-11-26'), '', T0 + 200);
    expect(again).toEqual({ visitId: 'visit-r1', how: 'reopened' });
    expect(await db.visits.get('visit-r2')).toBeUndefined();
    expect((await reinspectionsOfIssue(db, issue)).map((v) => v.id)).toEqual(['visit-r1']);
  });

  it('applies the Re-inspect step first to an issue whose rectification was reported', async () => {
    const { db, issue } = await setup('rectificationReported');
    await startReinspection(db, issue.id, draft('visit-r1'), '督查组 李明', T0 + 100);
    expect((await db.issues.get(issue.id))?.status).toBe('awaitingReinspection');
    const last = (await historyOfIssue(db, issue.id)).at(-1);
    expect(last).toMatchObject({ kind: 'reinspectionRequested', actorName: '督查组 李明' });
    expect(await verifyIssueHistory(db, issue.id)).toEqual({ ok: true });
    expect((await db.visits.get('visit-r1'))?.reinspectedIssueIds).toEqual([issue.id]);
  });

  it('writes nothing when the step is refused (no one named) or the issue is not ready', async () => {
    const reported = await setup('rectificationReported');
    const outbox = await reported.db.outbox.count();
    await expect(startReinspection(reported.db, reported.issue.id, draft('visit-r1'), '  ')).rejects.toEqual(
      new IssueStepRefusedError('actorRequired'),
    );
    expect(await reported.db.visits.get('visit-r1')).toBeUndefined();
    expect((await reported.db.issues.get(reported.issue.id))?.status).toBe('rectificationReported');
    expect(await reported.db.outbox.count()).toBe(outbox);

    const working = await setup('inProgress');
    await expect(
      startReinspection(working.db, working.issue.id, draft('visit-r1'), '督查组'),
    ).rejects.toEqual(new IssueStepRefusedError('notAllowed'));
    expect(await working.db.visits.get('visit-r1')).toBeUndefined();
  });

  it('adds a second issue of the project to the same day’s draft re-inspection, not to a finalized one', async () => {
    const { db, issue } = await setup('awaitingReinspection');
    const other = await recordFinding(
      db,
      foundOn,
      project,
      {
        title: '填埋作业面未及时覆盖',
        description: '',
        category: 'environment',
        severity: 'general',
        responsibleUnitIds: ['unit-env'],
        deadline: '2026-12-05',
        needsCoordination: false,
      },
      '王督查',
      T0,
    );
    for (const kind of ['issued', 'acknowledged', 'rectificationReported', 'reinspectionRequested'] as const)
      await applyIssueStep(db, other.id, { kind, actorName: '县环保局', note: '' }, T0 + 50);

    await startReinspection(db, issue.id, draft('visit-r1'), '', T0 + 100);
    expect(await startReinspection(db, other.id, draft('visit-r2'), '', T0 + 200)).toEqual({
      visitId: 'visit-r1',
      how: 'joined',
    });
    expect((await db.visits.get('visit-r1'))?.reinspectedIssueIds).toEqual([issue.id, other.id]);

    // Once that visit is finalized, a new re-inspection is a new visit.
    await signVisit(db, 'visit-r1', { role: 'inspector', name: '李明', image: SIGNATURE }, T0 + 300);
    await finalizeVisit(db, 'visit-r1', T0 + 400);
    expect(await startReinspection(db, issue.id, draft('visit-r3'), '', T0 + 500)).toEqual({
      visitId: 'visit-r3',
      how: 'created',
    });
    expect((await reinspectionsOfIssue(db, issue)).map((v) => v.id).sort()).toEqual(['visit-r1', 'visit-r3']);
  });
});

describe('before and after photos', () => {
  it('takes the photos of this visit as after and every other photo of the issue as before, in order', () => {
    const photos = [
      photo('i', 'visit-found', '2026-11-20T02:10:00.000Z'),
      photo('i', null, '2026-11-22T03:00:00.000Z'),
      photo('i', 'visit-r1', '2026-11-25T02:00:00.000Z'),
      photo('i', 'visit-r0', '2026-11-23T02:00:00.000Z'),
      photo('i', 'visit-r1', '2026-11-25T02:05:00.000Z'),
    ];
    const { before, after } = splitBeforeAfter(photos, 'visit-r1');
    expect(before.map((p) => p.id)).toEqual([photos[0]?.id, photos[1]?.id, photos[3]?.id]);
    expect(after.map((p) => p.id)).toEqual([photos[2]?.id, photos[4]?.id]);
  });

  it('reads them from the issue’s photos, leaving out other issues’ and deleted ones', async () => {
    const { db, issue } = await setup('awaitingReinspection');
    const earlier = photo(issue.id, 'visit-found', '2026-11-20T02:10:00.000Z');
    const now = photo(issue.id, 'visit-r1', '2026-11-25T02:00:00.000Z');
    const elsewhere = photo('another-issue', 'visit-r1', '2026-11-25T02:01:00.000Z');
    const siteView = { ...photo(issue.id, 'visit-r1', '2026-11-25T02:02:00.000Z'), issueId: null };
    const removed = photo(issue.id, 'visit-found', '2026-11-20T02:11:00.000Z');
    await createRecords(db, 'photos', [earlier, now, elsewhere, siteView, removed]);
    await deleteRecord(db, 'photos', removed.id);
    const { before, after } = await beforeAndAfterPhotos(db, 'visit-r1', issue.id);
    expect(before.map((p) => p.id)).toEqual([earlier.id]);
    expect(after.map((p) => p.id)).toEqual([now.id]);
  });
});

describe('the result of a re-inspection', () => {
  async function reinspected() {
    const setupResult = await setup('awaitingReinspection');
    await startReinspection(setupResult.db, setupResult.issue.id, draft('visit-r1'), '', T0 + 100);
    return setupResult;
  }

  it('refuses a close-out without after photos of this visit and writes nothing', async () => {
    const { db, issue } = await reinspected();
    // A photo sent in with the report is not the re-inspection's own.
    await createRecords(db, 'photos', [photo(issue.id, null, '2026-11-22T03:00:00.000Z')]);
    const outbox = await db.outbox.count();
    await expect(
      recordReinspectionResult(db, 'visit-r1', issue.id, { kind: 'closed', actorName: '李明', note: '' }),
    ).rejects.toEqual(new IssueStepRefusedError('afterPhotosRequired'));
    expect((await db.issues.get(issue.id))?.status).toBe('awaitingReinspection');
    expect(await db.outbox.count()).toBe(outbox);
  });

  it('closes the issue out with the after photos of this visit as evidence, chained in its history', async () => {
    const { db, issue } = await reinspected();
    const same = 'a'.repeat(64);
    const after = [
      photo(issue.id, 'visit-r1', '2026-11-25T02:00:00.000Z'),
      photo(issue.id, 'visit-r1', '2026-11-25T02:03:00.000Z'),
    ];
    // The same picture linked twice to this visit counts once.
    const twice = [photo(issue.id, 'visit-r1', '2026-11-25T02:04:00.000Z', same)];
    const again = { ...photo(issue.id, 'visit-r1', '2026-11-25T02:04:00.000Z', same), checklistItemId: 'x' };
    await createRecords(db, 'photos', [
      photo(issue.id, 'visit-found', '2026-11-20T02:10:00.000Z'),
      ...after,
      ...twice,
      again,
    ]);
    // Not while the re-inspection is an unsigned draft, nor signed but not finalized: nothing written.
    const outbox = await db.outbox.count();
    const closeOut = () =>
      recordReinspectionResult(db, 'visit-r1', issue.id, { kind: 'closed', actorName: '李明', note: '' });
    await expect(closeOut()).rejects.toEqual(new IssueStepRefusedError('reinspectionUnsigned', TODAY));
    await expect(
      applyIssueStep(db, issue.id, {
        kind: 'closed',
        actorName: '李明',
        note: '',
        evidencePhotoSha256: [same],
      }),
    ).rejects.toEqual(new IssueStepRefusedError('reinspectionUnsigned', TODAY));
    expect(await db.outbox.count()).toBe(outbox);
    await signVisit(db, 'visit-r1', { role: 'inspector', name: '李明', image: SIGNATURE }, T0 + 300);
    await expect(closeOut()).rejects.toEqual(new IssueStepRefusedError('reinspectionNotFinalized', TODAY));
    expect((await db.issues.get(issue.id))?.status).toBe('awaitingReinspection');
    await finalizeVisit(db, 'visit-r1', T0 + 400);
    const closed = await recordReinspectionResult(
      db,
      'visit-r1',
      issue.id,
      { kind: 'closed', actorName: '李明', note: '复查合格' },
      T0 + 1000,
    );
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).toBe(new Date(T0 + 1000).toISOString());
    const last = (await historyOfIssue(db, issue.id)).at(-1);
    expect(last).toMatchObject({ kind: 'closed', actorName: '李明', note: '复查合格', toStatus: 'closed' });
    expect(last?.evidencePhotoSha256).toEqual([...after.map((p) => p.sha256), same]);
    expect(await verifyIssueHistory(db, issue.id)).toEqual({ ok: true });
  });

  it('sends the issue back to rectification with its reason, and needs one', async () => {
    const { db, issue } = await reinspected();
    await expect(
      recordReinspectionResult(db, 'visit-r1', issue.id, { kind: 'sentBack', actorName: '李明', note: ' ' }),
    ).rejects.toEqual(new IssueStepRefusedError('noteRequired'));
    const sent = await recordReinspectionResult(db, 'visit-r1', issue.id, {
      kind: 'sentBack',
      actorName: '李明',
      note: '调节池仍有一半未加盖',
    });
    expect(sent.status).toBe('inProgress');
    expect((await historyOfIssue(db, issue.id)).at(-1)).toMatchObject({
      kind: 'sentBack',
      note: '调节池仍有一半未加盖',
      evidencePhotoSha256: [],
    });
    // No second result: the issue no longer awaits re-inspection.
    await expect(
      recordReinspectionResult(db, 'visit-r1', issue.id, {
        kind: 'sentBack',
        actorName: '李明',
        note: '再退',
      }),
    ).rejects.toEqual(new IssueStepRefusedError('notAllowed'));
  });

  it('takes the result on the finalized visit, and none for an issue the visit does not carry', async () => {
    const { db, issue } = await reinspected();
    await createRecords(db, 'photos', [photo(issue.id, 'visit-r1', '2026-11-25T02:00:00.000Z')]);
    await expect(
      recordReinspectionResult(db, 'visit-found', issue.id, { kind: 'closed', actorName: '李明', note: '' }),
    ).rejects.toThrow('does not re-inspect');
    await signVisit(db, 'visit-r1', { role: 'inspector', name: '李明', image: SIGNATURE }, T0 + 300);
    await finalizeVisit(db, 'visit-r1', T0 + 400);
    const closed = await recordReinspectionResult(db, 'visit-r1', issue.id, {
      kind: 'closed',
      actorName: '李明',
      note: '',
    });
    expect(closed.status).toBe('closed');
  });
});

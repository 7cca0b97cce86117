import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DUST_CONTROL_TEMPLATE } from '../../../shared/checklists/builtin-templates';
import type { Visit } from '../../../shared/domain/visit';
import { verifyChain } from '../../../shared/history/chain';
import { makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { createRecords } from './records';
import { signVisit } from './sign-off';
import {
  checklistResultsOfVisit,
  createVisit,
  finalizeVisit,
  issuesOfVisit,
  SignatureMissingError,
  recordFinding,
  saveChecklistResult,
  updateDraftVisit,
  VisitLockedError,
} from './visits';

const AT = '2026-11-20T02:00:00.000Z';
const visit: Visit = makeVisit({
  createdAt: AT,
  updatedAt: AT,
  progressNarrative: '主体施工中',
  percentComplete: 40,
  workersOnSite: 120,
  machinesOnSite: 8,
});

const SIGNATURE = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });

async function setup(name: string) {
  const db = createDatabase(name);
  await db.open();
  await createRecords(db, 'projects', [makeProject()]);
  await createRecords(db, 'checklistTemplates', [DUST_CONTROL_TEMPLATE]);
  await createVisit(db, visit);
  return db;
}

describe('visits', () => {
  it('records findings as draft issues with a verified history, and checklist answers', async () => {
    const db = await setup('visit-findings');
    const issue = await recordFinding(
      db,
      visit,
      makeProject(),
      {
        title: '施工现场未100%围挡',
        description: '东侧约30米未围挡',
        category: 'environment',
        severity: 'general',
        responsibleUnitIds: ['unit-env'],
        deadline: '2026-11-30',
        needsCoordination: false,
      },
      '王督查',
      Date.parse(AT),
    );
    expect((await issuesOfVisit(db, visit.id)).map((i) => i.title)).toEqual(['施工现场未100%围挡']);
    expect(issue.regionId).toBe(makeProject().regionId);
    const events = await db.issueEvents.where('issueId').equals(issue.id).toArray();
    expect(events.map((e) => e.kind)).toEqual(['created']);
    expect(await verifyChain(events)).toEqual({ ok: true });

    const firstItem = DUST_CONTROL_TEMPLATE.sections[0]?.items[0]?.id ?? '';
    await saveChecklistResult(db, {
      id: 'result-1',
      createdAt: AT,
      updatedAt: AT,
      visitId: visit.id,
      templateId: DUST_CONTROL_TEMPLATE.id,
      templateKey: DUST_CONTROL_TEMPLATE.key,
      templateVersion: DUST_CONTROL_TEMPLATE.version,
      answers: { [firstItem]: { kind: 'yesNoNa', value: 'no', note: '东侧缺口' } },
    });
    const [saved] = await checklistResultsOfVisit(db, visit.id);
    expect(saved?.result.answers[firstItem]).toEqual({ kind: 'yesNoNa', value: 'no', note: '东侧缺口' });
    expect(saved?.template?.version).toBe(1);
    db.close();
  });

  it('locks a finalized visit: edits and answers are refused and nothing changes', async () => {
    const db = await setup('visit-locked');
    await updateDraftVisit(db, visit.id, { percentComplete: 45 });
    await signVisit(db, visit.id, { role: 'inspector', name: '王督查', image: SIGNATURE });
    await finalizeVisit(db, visit.id, Date.parse(AT));
    const before = { visit: await db.visits.get(visit.id), outbox: await db.outbox.count() };
    await expect(updateDraftVisit(db, visit.id, { percentComplete: 90 })).rejects.toBeInstanceOf(
      VisitLockedError,
    );
    await expect(
      saveChecklistResult(db, {
        id: 'late',
        createdAt: AT,
        updatedAt: AT,
        visitId: visit.id,
        templateId: DUST_CONTROL_TEMPLATE.id,
        templateKey: 'dustControl',
        templateVersion: 1,
        answers: {},
      }),
    ).rejects.toBeInstanceOf(VisitLockedError);
    expect(await db.visits.get(visit.id)).toEqual(before.visit);
    expect(before.visit?.percentComplete).toBe(45);
    expect(before.visit?.status).toBe('finalized');
    expect(await db.outbox.count()).toBe(before.outbox);
    db.close();
  });

  it('refuses to finalize a visit the inspector has not signed, and changes nothing', async () => {
    const db = await setup('visit-unsigned');
    await signVisit(db, visit.id, { role: 'siteRepresentative', name: '李工', image: SIGNATURE });
    const before = { visit: await db.visits.get(visit.id), outbox: await db.outbox.count() };
    await expect(finalizeVisit(db, visit.id)).rejects.toBeInstanceOf(SignatureMissingError);
    expect(await db.visits.get(visit.id)).toEqual(before.visit);
    expect(before.visit?.status).toBe('draft');
    expect(await db.outbox.count()).toBe(before.outbox);
    db.close();
  });
});

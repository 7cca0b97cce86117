import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { APPROVALS_TEMPLATE, DUST_CONTROL_TEMPLATE } from '../../../shared/checklists/builtin-templates';
import {
  draftOf,
  duplicateTemplate,
  emptyItem,
  firstVersion,
  nextVersion,
  withAnswerKind,
} from '../../../shared/checklists/template-edit';
import type { Visit } from '../../../shared/domain/visit';
import { makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import {
  getTemplateVersion,
  latestTemplateVersion,
  saveTemplateVersion,
  templateCatalog,
  templateVersions,
  TemplateVersionConflictError,
} from './checklist-templates';
import { createRecords, deleteRecord } from './records';
import { startEmpty } from './setup';
import { checklistResultsOfVisit, checklistTemplates, createVisit, saveChecklistResult } from './visits';

const AT = '2026-12-01T02:00:00.000Z';
const NOW = Date.parse(AT);

const visit: Visit = makeVisit({ createdAt: AT, updatedAt: AT, date: '2026-12-01' });

async function setup(name: string) {
  const db = createDatabase(name);
  await db.open();
  await startEmpty(db, NOW);
  return db;
}

/** The dust-control template with a PM2.5 reading (a number with a unit) added to its last section. */
function dustVersion2() {
  const draft = draftOf(DUST_CONTROL_TEMPLATE);
  draft.sections[2]?.items.push({
    ...withAnswerKind(emptyItem(), 'number'),
    text: 'PM2.5读数',
    unit: 'μg/m³',
  });
  return nextVersion(DUST_CONTROL_TEMPLATE, draft, { id: 'dust-v2', at: AT, newItemId: () => 'pm25' });
}

describe('checklist template versions', () => {
  it('adds each save as a new row and keeps the older versions as they were', async () => {
    const db = await setup('templates-save');
    const v2 = dustVersion2();
    const outboxBefore = await db.outbox.count();
    await saveTemplateVersion(db, v2, NOW);

    expect((await templateVersions(db, 'dustControl')).map((t) => [t.id, t.version])).toEqual([
      ['dust-v2', 2],
      ['builtin-dustControl-v1', 1],
    ]);
    expect((await latestTemplateVersion(db, 'dustControl'))?.id).toBe('dust-v2');
    const v1 = await getTemplateVersion(db, DUST_CONTROL_TEMPLATE.id);
    expect(v1 && { ...v1, _clocks: undefined }).toEqual({ ...DUST_CONTROL_TEMPLATE, _clocks: undefined });
    // Saved like every other record: with operations for sync.
    expect(await db.outbox.count()).toBeGreaterThan(outboxBefore);
    expect((await checklistTemplates(db)).find((t) => t.key === 'dustControl')?.version).toBe(2);
    db.close();
  });

  it('refuses a version that does not follow the latest, or an id already stored, and saves nothing', async () => {
    const db = await setup('templates-conflict');
    const v2 = dustVersion2();
    await saveTemplateVersion(db, v2, NOW);
    const rows = await db.checklistTemplates.count();
    const outbox = await db.outbox.count();

    // Edited from version 1 in another window after version 2 was saved.
    const stale = nextVersion(DUST_CONTROL_TEMPLATE, draftOf(DUST_CONTROL_TEMPLATE), { id: 'other', at: AT });
    const refused = saveTemplateVersion(db, stale, NOW);
    await expect(refused).rejects.toBeInstanceOf(TemplateVersionConflictError);
    await expect(refused).rejects.toMatchObject({ key: 'dustControl', latestVersion: 2 });
    // Overwriting version 1 in place.
    await expect(
      saveTemplateVersion(db, { ...DUST_CONTROL_TEMPLATE, name: '改' }, NOW),
    ).rejects.toBeInstanceOf(TemplateVersionConflictError);
    // Reusing a stored id for version 3.
    const v3 = nextVersion(v2, draftOf(v2), { id: DUST_CONTROL_TEMPLATE.id, at: AT });
    await expect(saveTemplateVersion(db, v3, NOW)).rejects.toBeInstanceOf(TemplateVersionConflictError);

    expect(await db.checklistTemplates.count()).toBe(rows);
    expect(await db.outbox.count()).toBe(outbox);
    expect((await getTemplateVersion(db, DUST_CONTROL_TEMPLATE.id))?.name).toBe(DUST_CONTROL_TEMPLATE.name);
    db.close();
  });

  it('never gives a deleted version number to new content', async () => {
    const db = await setup('templates-deleted');
    await saveTemplateVersion(db, dustVersion2(), NOW);
    await deleteRecord(db, 'checklistTemplates', 'dust-v2', NOW);
    expect((await latestTemplateVersion(db, 'dustControl'))?.version).toBe(1);
    const again = nextVersion(DUST_CONTROL_TEMPLATE, draftOf(DUST_CONTROL_TEMPLATE), { id: 'again', at: AT });
    await expect(saveTemplateVersion(db, again, NOW)).rejects.toMatchObject({ latestVersion: 2 });
    db.close();
  });

  it('saves a copy of a built-in as version 1 of a new key', async () => {
    const db = await setup('templates-copy');
    const copy = firstVersion(duplicateTemplate(APPROVALS_TEMPLATE, '审批手续（本市）'), {
      id: 'copy-1',
      at: AT,
      key: 'custom-approvals',
    });
    await saveTemplateVersion(db, copy, NOW);
    await expect(saveTemplateVersion(db, copy, NOW)).rejects.toBeInstanceOf(TemplateVersionConflictError);
    expect((await templateVersions(db, 'custom-approvals')).map((t) => t.version)).toEqual([1]);
    expect((await latestTemplateVersion(db, 'approvals'))?.id).toBe(APPROVALS_TEMPLATE.id);
    db.close();
  });

  it('lists every template by its latest version, telling built-ins apart even once edited', async () => {
    const db = await setup('templates-catalog');
    await saveTemplateVersion(db, dustVersion2(), NOW);
    const copy = firstVersion(duplicateTemplate(APPROVALS_TEMPLATE, '审批手续（本市）'), {
      id: 'copy-1',
      at: AT,
      key: 'custom-approvals',
    });
    await saveTemplateVersion(db, copy, NOW);
    const catalog = await templateCatalog(db);
    expect(catalog).toHaveLength(6);
    const summary = (key: string) => {
      const s = catalog.find((c) => c.latest.key === key);
      return s && [s.latest.version, s.versionCount, s.builtIn, s.latest.builtIn];
    };
    expect(summary('dustControl')).toEqual([2, 2, true, false]);
    expect(summary('approvals')).toEqual([1, 1, true, true]);
    expect(summary('custom-approvals')).toEqual([1, 1, false, false]);
    db.close();
  });

  it('picks the same latest version on every device when two saved the same number', async () => {
    const db = await setup('templates-tie');
    const a = dustVersion2();
    // As if synced from another device that also saved a version 2.
    await createRecords(
      db,
      'checklistTemplates',
      [a, { ...a, id: 'dust-v2-other', name: '另一台电脑' }],
      NOW,
    );
    expect((await latestTemplateVersion(db, 'dustControl'))?.id).toBe('dust-v2');
    expect((await templateCatalog(db)).find((s) => s.latest.key === 'dustControl')?.latest.id).toBe(
      'dust-v2',
    );
    expect((await checklistTemplates(db)).find((t) => t.key === 'dustControl')?.id).toBe('dust-v2');
    db.close();
  });

  it('leaves a visit filled with version 1 on version 1 and its answers after version 2 is saved', async () => {
    const db = await setup('templates-visit');
    await createRecords(db, 'projects', [makeProject()], NOW);
    await createVisit(db, visit);
    await saveChecklistResult(db, {
      id: 'result-1',
      createdAt: AT,
      updatedAt: AT,
      visitId: visit.id,
      templateId: DUST_CONTROL_TEMPLATE.id,
      templateKey: 'dustControl',
      templateVersion: 1,
      answers: { enclosure: { kind: 'yesNoNa', value: 'no', note: '' } },
    });
    await saveTemplateVersion(db, dustVersion2(), NOW);

    const [filled] = await checklistResultsOfVisit(db, visit.id);
    expect(filled?.template?.id).toBe(DUST_CONTROL_TEMPLATE.id);
    expect(filled?.template?.version).toBe(1);
    expect(filled?.template?.sections.flatMap((s) => s.items.map((i) => i.id))).not.toContain('pm25');
    expect(filled?.result.answers.enclosure).toEqual({ kind: 'yesNoNa', value: 'no', note: '' });
    db.close();
  });
});

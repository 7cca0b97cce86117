// The preview lists a conflict only where both laptops changed a field since their common knowledge,
// says "nothing new" for what this laptop already holds, and lists per record what an import changes.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { handOver, manifestOf } from '../../../../test/fixtures/hand-over';
import { makeIssue, makeProject, makeVisit } from '../../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../../database';
import { createRecords, deleteRecord, updateRecord } from '../records';
import { exportSnapshot, type ExportSnapshot } from './export-snapshot';
import { applyImport } from './import-apply';
import { previewImport } from './import-preview';

let counter = 0;
const open: DuchaDatabase[] = [];
async function laptop(): Promise<DuchaDatabase> {
  const db = createDatabase(`import-preview-test-${String(++counter)}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const project = makeProject();
const issue = makeIssue();

/** What `to` would be shown for a bundle `from` made earlier (or now). */
async function previewOf(to: DuchaDatabase, from: DuchaDatabase, snapshot: ExportSnapshot) {
  return previewImport(to, await manifestOf(from, snapshot.knowledge), snapshot.operations);
}

async function applySnapshot(to: DuchaDatabase, from: DuchaDatabase, snapshot: ExportSnapshot) {
  const manifest = await manifestOf(from, snapshot.knowledge);
  const preview = await previewImport(to, manifest, snapshot.operations);
  const receipt = await applyImport(to, {
    manifest,
    manifestSha256: 'e'.repeat(64),
    folder: '/media/usb/old',
    operations: snapshot.operations,
    preview,
    photos: [],
    trustSource: true,
  });
  return { preview, receipt };
}

/** Two laptops holding the same project and issue, A's work handed to B. */
async function twoLaptops() {
  const a = await laptop();
  const b = await laptop();
  await createRecords(a, 'projects', [project], 1_000);
  await createRecords(a, 'issues', [issue], 1_100);
  const { snapshot } = await handOver(a, b);
  return { a, b, first: snapshot };
}

const nothingNew = { newRows: 0, changedRows: 0, conflicts: [], changes: [] };

describe('conflicts: only where both sides changed the field since their common knowledge', () => {
  it('an old full bundle re-imported after edits made only here is nothing new, in the preview and the receipt', async () => {
    const { a, b, first } = await twoLaptops();
    // Only B edits the deadline, the owner and the notes afterwards; A edits nothing.
    await updateRecord(b, 'issues', issue.id, { deadline: '2026-12-15', description: '围挡已订购' }, 9_000);
    await updateRecord(
      b,
      'projects',
      project.id,
      { owner: '普洱市水务产业投资公司', notes: '管网滞后' },
      9_100,
    );
    const { preview, receipt } = await applySnapshot(b, a, first);
    expect(preview).toMatchObject({ ...nothingNew, unchangedRows: 2 });
    expect(receipt.counts).toMatchObject({ newRows: 0, changedRows: 0, conflicts: 0 });
    expect((await b.issues.get(issue.id))?.deadline).toBe('2026-12-15');
  });

  it('an older full bundle re-imported after the two laptops exchanged both ways is nothing new', async () => {
    const { a, b, first } = await twoLaptops();
    await updateRecord(a, 'issues', issue.id, { severity: 'serious' }, 5_000);
    await handOver(a, b);
    await updateRecord(b, 'issues', issue.id, { deadline: '2026-12-20' }, 6_000);
    await handOver(b, a);
    await updateRecord(a, 'projects', project.id, { phase: 'continuing' }, 7_000);
    const older = await exportSnapshot(a, null);
    await handOver(a, b);
    await updateRecord(b, 'projects', project.id, { phase: 'completed' }, 8_000);
    expect(await previewOf(b, a, older)).toMatchObject(nothingNew);
    expect(await previewOf(b, a, first)).toMatchObject(nothingNew);
  });

  it('lists a true concurrent edit, with both values and the side that wins, and marks it in the changes', async () => {
    const { a, b } = await twoLaptops();
    await updateRecord(a, 'issues', issue.id, { deadline: '2026-12-10' }, 6_000);
    await updateRecord(b, 'issues', issue.id, { deadline: '2026-12-31' }, 7_000);
    const preview = await previewOf(a, b, await exportSnapshot(b, null));
    expect(preview.conflicts.map((c) => [c.field, c.localValue, c.incomingValue, c.winner])).toContainEqual([
      'deadline',
      '2026-12-10',
      '2026-12-31',
      'incoming',
    ]);
    const change = preview.changes.find((c) => c.rowId === issue.id);
    expect(change?.fields.find((f) => f.field === 'deadline')).toEqual({
      field: 'deadline',
      current: '2026-12-10',
      incoming: '2026-12-31',
      conflict: true,
    });
    // The other way round the local side (B's later change) is kept, listed, and nothing changes there.
    const back = await previewOf(b, a, await exportSnapshot(a, null));
    expect(back.conflicts.map((c) => [c.field, c.winner])).toContainEqual(['deadline', 'local']);
    expect(back.changes.flatMap((c) => c.fields.map((f) => f.field))).not.toContain('deadline');
  });

  it('does not list a field only this laptop changed since the bundle was made', async () => {
    const { a, b } = await twoLaptops();
    await updateRecord(a, 'projects', project.id, { notes: 'A 的备注' }, 6_000);
    await updateRecord(b, 'issues', issue.id, { deadline: '2026-12-31' }, 7_000);
    const preview = await previewOf(b, a, await exportSnapshot(a, null));
    expect(preview.conflicts).toEqual([]);
    expect(preview.changedRows).toBe(1);
    expect(preview.changes.map((c) => c.rowId)).toEqual([project.id]);
  });

  it('does not list a field only the other laptop changed; it is a plain change, current → incoming', async () => {
    const { a, b } = await twoLaptops();
    await updateRecord(a, 'issues', issue.id, { description: '东侧围挡约 30 米倒伏' }, 6_000);
    const preview = await previewOf(b, a, await exportSnapshot(a, null));
    expect(preview.conflicts).toEqual([]);
    expect(preview).toMatchObject({ newRows: 0, changedRows: 1 });
    expect(preview.changes).toEqual([
      {
        table: 'issues',
        rowId: issue.id,
        title: [issue.title],
        kind: 'overwrite',
        deletion: null,
        fields: expect.arrayContaining([
          { field: 'description', current: '', incoming: '东侧围挡约 30 米倒伏', conflict: false },
        ]) as unknown,
      },
    ]);
  });

  it('does not list a change this laptop received and then overwrote (the bundle says it held it)', async () => {
    const { a, b } = await twoLaptops();
    await updateRecord(b, 'projects', project.id, { owner: '乙方' }, 6_000);
    await handOver(b, a);
    await updateRecord(a, 'projects', project.id, { owner: '甲方' }, 7_000);
    const preview = await previewOf(b, a, await exportSnapshot(a, null));
    expect(preview.conflicts).toEqual([]);
    expect(preview.changes[0]?.fields).toContainEqual({
      field: 'owner',
      current: '乙方',
      incoming: '甲方',
      conflict: false,
    });
  });

  it('three laptops: A → B → C while A and C also exchange; only the truly concurrent field is listed', async () => {
    const a = await laptop();
    const b = await laptop();
    const c = await laptop();
    await createRecords(a, 'projects', [project], 1_000);
    await handOver(a, b);
    await handOver(b, c);
    // C learned A's project through B: C's own edit does not conflict with anything A did.
    await updateRecord(c, 'projects', project.id, { owner: 'C 改的业主' }, 5_000);
    const fromC = await handOver(c, a);
    expect(fromC.preview).toMatchObject({ conflicts: [], changedRows: 1 });
    // B and A change the phase apart; B's change reaches A only through C.
    await updateRecord(b, 'projects', project.id, { phase: 'completed' }, 6_000);
    await updateRecord(a, 'projects', project.id, { phase: 'continuing', notes: 'A 的备注' }, 6_500);
    await handOver(b, c);
    const relayed = await previewOf(a, c, await exportSnapshot(c, null));
    expect(relayed.conflicts.map((x) => [x.field, x.localValue, x.incomingValue])).toEqual([
      ['phase', 'continuing', 'completed'],
    ]);
    await handOver(c, a);
    // A's notes went nowhere yet; to C they are a plain change, and C's old bundle is nothing new to A.
    const toC = await previewOf(c, a, await exportSnapshot(a, null));
    expect(toC.conflicts.map((x) => x.field)).toEqual([]);
    expect(toC.changes[0]?.fields.map((f) => f.field)).toContain('notes');
    expect(await previewOf(a, c, fromC.snapshot)).toMatchObject(nothingNew);
  });
});

describe('the changes an import would make, per record', () => {
  it('lists the overwrites first, then the new records, titled in words a person knows', async () => {
    const { a, b } = await twoLaptops();
    await createRecords(a, 'visits', [makeVisit({ id: 'visit-2', date: '2026-11-25' })], 6_000);
    await updateRecord(a, 'issues', issue.id, { severity: 'grave' }, 6_100);
    const preview = await previewOf(b, a, await exportSnapshot(a, null));
    expect(preview.changes.map((c) => [c.kind, c.table, c.title])).toEqual([
      ['overwrite', 'issues', [issue.title]],
      ['new', 'visits', [project.name, '2026-11-25']],
    ]);
    const visit = preview.changes[1];
    expect(visit?.fields).toContainEqual({
      field: 'weather',
      current: null,
      incoming: '晴',
      conflict: false,
    });
    expect(visit?.fields.map((f) => f.field)).not.toContain('id');
  });

  it('names a deletion as one, and a record whose parent only this laptop holds by that parent', async () => {
    const { a, b } = await twoLaptops();
    await deleteRecord(a, 'issues', issue.id, 6_000);
    const preview = await previewOf(b, a, await exportSnapshot(a, null));
    expect(preview.changes).toMatchObject([
      { table: 'issues', kind: 'overwrite', deletion: 'deleted', title: [issue.title] },
    ]);
    // A visit arriving alone (its project already here) is titled by the project read from this laptop.
    await createRecords(a, 'visits', [makeVisit()], 7_000);
    const since = await exportSnapshot(b, null);
    const visitOnly = await exportSnapshot(a, since.knowledge);
    const next = await previewOf(b, a, visitOnly);
    expect(next.changes.find((c) => c.table === 'visits')?.title).toEqual([project.name, '2026-11-20']);
  });
});

import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { handOver, manifestOf } from '../../../../test/fixtures/hand-over';
import { makeProject, makeVisit } from '../../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../../database';
import { createRecords, updateRecord } from '../records';
import { exportSnapshot } from './export-snapshot';
import { previewImport } from './import-preview';
import { applyImport } from './import-apply';
import { deviceIdentity } from './device-identity';
import type { Operation } from '../../../../shared/sync/operation';

let counter = 0;
const open: DuchaDatabase[] = [];
async function laptop(): Promise<DuchaDatabase> {
  const db = createDatabase(`exchange-test-${String(++counter)}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const state = async (db: DuchaDatabase) =>
  (await db.projects.toArray()).map(({ _clocks, ...row }) => ({ row, _clocks }));

describe('hand-over between two laptops', () => {
  it('brings everything across, and a second import of the same bundle changes nothing', async () => {
    const a = await laptop();
    const b = await laptop();
    const project = makeProject();
    await createRecords(a, 'projects', [project], 1_000);
    const first = await handOver(a, b);
    expect(first.preview.newRows).toBe(1);
    expect(await state(b)).toEqual(await state(a));
    const before = await state(b);
    const again = await handOver(a, b);
    expect(again.preview).toMatchObject({ newRows: 0, changedRows: 0, unchangedRows: 1, conflicts: [] });
    expect(await state(b)).toEqual(before);
    // The receipts record both imports, and B now knows what A holds.
    expect(await b.importReceipts.count()).toBe(2);
    const aNode = (await deviceIdentity(a)).node;
    expect((await b.devices.get(aNode))?.knowledge).toEqual(first.snapshot.knowledge);
  });

  it('puts every operation of a large bundle in the outbox once, in order, to relay to the server', async () => {
    const a = await laptop();
    const b = await laptop();
    // Enough projects for several thousand operations: the outbox is written in slices.
    await createRecords(
      a,
      'projects',
      Array.from({ length: 300 }, (_, i) =>
        makeProject({ id: `019a0000-0000-7000-8000-${String(i).padStart(12, '0')}` }),
      ),
      1_000,
    );
    const { snapshot } = await handOver(a, b);
    expect(snapshot.operations.length).toBeGreaterThan(4_000);
    const outbox = await b.outbox.orderBy('seq').toArray();
    expect(outbox.map(({ table, rowId, field, hlc }) => ({ table, rowId, field, hlc }))).toEqual(
      snapshot.operations.map(({ table, rowId, field, hlc }) => ({ table, rowId, field, hlc })),
    );
  });

  it('sends back only the change the other laptop lacks, and both end in the same state', async () => {
    const a = await laptop();
    const b = await laptop();
    const project = makeProject();
    await createRecords(a, 'projects', [project], 1_000);
    const { snapshot } = await handOver(a, b);
    await updateRecord(b, 'projects', project.id, { phase: 'continuing' }, 5_000);
    const back = await exportSnapshot(b, snapshot.knowledge);
    expect(back.operations.map((op: Operation) => op.field).sort()).toEqual(['phase', 'updatedAt']);
    await handOver(b, a, snapshot.knowledge);
    expect(await state(a)).toEqual(await state(b));
    expect((await a.projects.get(project.id))?.phase).toBe('continuing');
  });

  it('names a field both laptops changed unknowingly, and keeps the later change on both', async () => {
    const a = await laptop();
    const b = await laptop();
    const project = makeProject();
    await createRecords(a, 'projects', [project], 1_000);
    const { snapshot } = await handOver(a, b);
    await updateRecord(a, 'projects', project.id, { owner: '甲方A' }, 6_000);
    await updateRecord(b, 'projects', project.id, { owner: '甲方B' }, 7_000);
    const back = await exportSnapshot(b, snapshot.knowledge);
    const preview = await previewImport(a, await manifestOf(b, back.knowledge), back.operations);
    const owner = preview.conflicts.find((c) => c.field === 'owner');
    expect(owner).toMatchObject({ localValue: '甲方A', incomingValue: '甲方B', winner: 'incoming' });
    await handOver(b, a, snapshot.knowledge);
    // The receipt keeps the value that lost, beside the one that stands.
    const receipts = await a.importReceipts.toArray();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]?.counts.conflicts).toBe(preview.conflicts.length);
    expect(receipts[0]?.conflicts).toContainEqual(
      expect.objectContaining({
        field: 'owner',
        localValue: '甲方A',
        incomingValue: '甲方B',
        winner: 'incoming',
      }),
    );
    await handOver(a, b);
    expect((await a.projects.get(project.id))?.owner).toBe('甲方B');
    expect(await state(a)).toEqual(await state(b));
  });

  it('refuses a bundle whose merge would leave a record invalid, and writes nothing', async () => {
    const a = await laptop();
    const b = await laptop();
    const project = makeProject();
    await createRecords(a, 'projects', [project], 1_000);
    const snapshot = await exportSnapshot(a, null);
    // A bundle that only carries the name of a project B has never seen: the record would be incomplete.
    const partial = snapshot.operations.filter((op) => op.field === 'name');
    const manifest = await manifestOf(a, snapshot.knowledge);
    const preview = await previewImport(b, manifest, partial);
    expect(preview.invalid).toHaveLength(1);
    await expect(
      applyImport(b, {
        manifest,
        manifestSha256: 'b'.repeat(64),
        folder: '/x',
        operations: partial,
        preview,
        photos: [],
        trustSource: true,
      }),
    ).rejects.toThrow(/invalid/);
    expect(await b.projects.count()).toBe(0);
    expect(await b.importReceipts.count()).toBe(0);
  });

  it('carries the blobs records point at besides photos: a signature image travels with its visit', async () => {
    const a = await laptop();
    const image = 'c'.repeat(64);
    await a.photoBlobs.put({ sha256: image, mimeType: 'image/png', byteLength: 3, blob: new Blob(['png']) });
    const signature = {
      role: 'inspector' as const,
      name: '张三',
      signedAt: '2026-11-20T02:00:00.000Z',
      imageSha256: image,
    };
    await createRecords(a, 'projects', [makeProject()], 1_000);
    await createRecords(a, 'visits', [makeVisit({ signatures: [signature] })], 1_000);
    const snapshot = await exportSnapshot(a, null);
    expect(snapshot.otherBlobs).toEqual([{ sha256: image, mimeType: 'image/png', byteLength: 3 }]);
    expect(snapshot.photos).toEqual([]);
  });
});

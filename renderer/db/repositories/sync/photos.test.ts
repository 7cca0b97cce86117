import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, makeVisit } from '../../../../test/fixtures/records';
import { createDatabase, type DuchaDatabase } from '../../database';
import { writeRecords } from '../../record-writer';
import type { PhotoSize } from '../../../../shared/sync/client/photos';
import { dexiePhotoLibrary } from './photos';

let counter = 0;
const open: DuchaDatabase[] = [];
async function freshDb(): Promise<DuchaDatabase> {
  const db = createDatabase(`sync-photos-test-${++counter}`);
  await db.open();
  open.push(db);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const SIGNATURE = 'a'.repeat(64);
/** The first bytes of a PNG, as a signature pad saves it; the relay hands bytes over untyped. */
const PNG_BYTES = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])], {
  type: 'application/octet-stream',
});

/** A visit signed on another laptop, as sync brings it: the record, not the signature's image. */
async function laptopWithSignedVisit(): Promise<DuchaDatabase> {
  const db = await freshDb();
  const project = makeProject();
  const visit = makeVisit({
    projectId: project.id,
    signatures: [
      { role: 'inspector', name: '李明', signedAt: '2026-12-07T10:00:00.000Z', imageSha256: SIGNATURE },
    ],
  });
  await writeRecords(db, [
    { table: 'projects', id: project.id, fields: project },
    { table: 'visits', id: visit.id, fields: visit },
  ]);
  return db;
}

describe("photo sync's library on the laptop", () => {
  it("asks for a signed visit's signature image it lacks, and keeps it as a PNG", async () => {
    const db = await laptopWithSignedVisit();
    const library = dexiePhotoLibrary(db);
    const lacking = await library.lacking();
    expect(lacking.map((p) => p.sha256)).toEqual([SIGNATURE]);

    await library.keep([
      { sha256: SIGNATURE, photo: lacking[0] as PhotoSize, original: PNG_BYTES, copies: null },
    ]);
    const kept = await db.photoBlobs.get(SIGNATURE);
    expect([kept?.mimeType, kept?.byteLength]).toEqual(['image/png', PNG_BYTES.size]);
    expect(await library.lacking()).toEqual([]);
  });
});

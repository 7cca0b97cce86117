import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { Visit } from '../../../shared/domain/visit';
import { sha256Hex } from '../../../shared/crypto/sha256';
import { makeProject, makeVisit } from '../../../test/fixtures/records';
import { createDatabase } from '../database';
import { createRecords } from './records';
import { removeSignature, signVisit } from './sign-off';
import { createVisit, finalizeVisit, VisitLockedError } from './visits';

const AT = '2026-11-20T02:00:00.000Z';
const visit: Visit = makeVisit({ id: 'visit-sign', createdAt: AT, updatedAt: AT });

const png = (...bytes: number[]) =>
  new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...bytes])], { type: 'image/png' });

async function setup(name: string) {
  const db = createDatabase(name);
  await db.open();
  await createRecords(db, 'projects', [makeProject()]);
  await createVisit(db, visit);
  return db;
}

describe('sign-off', () => {
  it('keeps each signature image by hash, bit for bit, with the name and time, inspector first', async () => {
    const db = await setup('sign-keeps');
    const rep = png(9, 9, 9);
    await signVisit(db, visit.id, { role: 'siteRepresentative', name: ' 李工 ', image: rep }, Date.parse(AT));
    await signVisit(
      db,
      visit.id,
      { role: 'inspector', name: '王督查', image: png(1, 2) },
      Date.parse(AT) + 60_000,
    );
    const stored = await db.visits.get(visit.id);
    expect(stored?.signatures.map((s) => [s.role, s.name, s.signedAt])).toEqual([
      ['inspector', '王督查', '2026-11-20T02:01:00.000Z'],
      ['siteRepresentative', '李工', AT],
    ]);
    const repHash = await sha256Hex(new Uint8Array(await rep.arrayBuffer()));
    expect(stored?.signatures[1]?.imageSha256).toBe(repHash);
    const blob = await db.photoBlobs.get(repHash);
    expect(new Uint8Array((await blob?.blob.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(
      new Uint8Array(await rep.arrayBuffer()),
    );
    db.close();
  });

  it('replaces a role’s signature when signed again, and takes one back on a draft', async () => {
    const db = await setup('sign-replace');
    await signVisit(db, visit.id, { role: 'inspector', name: '王督查', image: png(1) });
    await signVisit(db, visit.id, { role: 'inspector', name: '张督查', image: png(2) });
    expect((await db.visits.get(visit.id))?.signatures.map((s) => s.name)).toEqual(['张督查']);
    await removeSignature(db, visit.id, 'inspector');
    expect((await db.visits.get(visit.id))?.signatures).toEqual([]);
    db.close();
  });

  it('refuses an empty signature or a missing name, and any signing once finalized', async () => {
    const db = await setup('sign-refuse');
    await expect(signVisit(db, visit.id, { role: 'inspector', name: '  ', image: png(1) })).rejects.toThrow(
      /name/,
    );
    await expect(
      signVisit(db, visit.id, { role: 'inspector', name: '王', image: new Blob([]) }),
    ).rejects.toThrow(/empty/);
    await signVisit(db, visit.id, { role: 'inspector', name: '王督查', image: png(1) });
    await finalizeVisit(db, visit.id);
    const before = await db.visits.get(visit.id);
    const blobs = await db.photoBlobs.count();
    await expect(
      signVisit(db, visit.id, { role: 'siteRepresentative', name: '李工', image: png(7) }),
    ).rejects.toBeInstanceOf(VisitLockedError);
    await expect(removeSignature(db, visit.id, 'inspector')).rejects.toBeInstanceOf(VisitLockedError);
    expect(await db.visits.get(visit.id)).toEqual(before);
    expect(await db.photoBlobs.count()).toBe(blobs);
    db.close();
  });
});

// This laptop's photos as photo sync sees them (shared/sync/client/photos.ts): the originals held and
// whether the server is known to hold them, the photo records (and visits' signature images) that
// arrived without their original, and the keeping of an original that came down with its smaller
// copies. What the server confirmed is
// kept in `meta` under its epoch (one row: no new table for a list that only grows by appends, and a
// restored server's new epoch simply starts it afresh).
import type { DerivedImages } from '../../../../shared/photos/derive-protocol';
import type { PhotoLibrary, PhotoSize } from '../../../../shared/sync/client/photos';
import { type DuchaDatabase, isLive, type PhotoDerivativeRow } from '../../database';

const CONFIRMED_KEY = 'syncPhotosConfirmed';

interface Confirmed {
  readonly epoch: string;
  readonly hashes: readonly string[];
}

async function confirmedIn(db: DuchaDatabase, epoch: string): Promise<Set<string>> {
  const value = (await db.meta.get(CONFIRMED_KEY))?.value as Confirmed | undefined;
  return new Set(value?.epoch === epoch ? value.hashes : []);
}

const bySize = (a: PhotoSize, b: PhotoSize): number => a.byteLength - b.byteLength;

export const dexiePhotoLibrary = (db: DuchaDatabase): PhotoLibrary => ({
  async unconfirmed(epoch) {
    const confirmed = await confirmedIn(db, epoch);
    const held: PhotoSize[] = [];
    await db.photoBlobs.each((row) => {
      if (!confirmed.has(row.sha256)) held.push({ sha256: row.sha256, byteLength: row.byteLength });
    });
    return held.sort(bySize);
  },

  async confirm(epoch, hashes) {
    if (hashes.length === 0) return;
    await db.transaction('rw', db.meta, async () => {
      const confirmed = await confirmedIn(db, epoch);
      for (const sha256 of hashes) confirmed.add(sha256);
      const value: Confirmed = { epoch, hashes: [...confirmed] };
      await db.meta.put({ key: CONFIRMED_KEY, value });
    });
  },

  async original(sha256) {
    return (await db.photoBlobs.get(sha256))?.blob;
  },

  async lacking() {
    const wanted = new Map<string, PhotoSize>();
    await db.photos.each((row) => {
      if (isLive(row)) wanted.set(row.sha256, { sha256: row.sha256, byteLength: row.byteLength });
    });
    // A signed visit's signatures are images kept like photo originals, by hash: evidence that must
    // reach every laptop with the visit. Their size is not in the record; they are a few KB.
    await db.visits.each((row) => {
      if (!isLive(row)) return;
      for (const signature of row.signatures ?? [])
        if (!wanted.has(signature.imageSha256))
          wanted.set(signature.imageSha256, { sha256: signature.imageSha256, byteLength: 0 });
    });
    const held = new Set(
      await db.photoBlobs
        .where(':id')
        .anyOf([...wanted.keys()])
        .primaryKeys(),
    );
    return [...wanted.values()].filter((p) => !held.has(p.sha256)).sort(bySize);
  },

  async keep(sha256, original, copies) {
    // A signature image has no photo record to name its type: its first bytes do.
    const sniffed = await imageTypeOf(original);
    await db.transaction('rw', [db.photos, db.photoBlobs, db.photoDerivatives], async () => {
      const record = await db.photos.where('sha256').equals(sha256).first();
      const mimeType = record?.mimeType ?? sniffed;
      const typed = original.type === mimeType ? original : new Blob([original], { type: mimeType });
      await db.photoBlobs.put({ sha256, mimeType, byteLength: typed.size, blob: typed });
      if (copies) await db.photoDerivatives.bulkPut(derivativeRows(sha256, copies));
    });
  },
});

function derivativeRows(sha256: string, copies: DerivedImages): PhotoDerivativeRow[] {
  return (['thumbnail', 'display'] as const).map((kind) => ({ sha256, kind, ...copies[kind] }));
}

/** PNG or JPEG by their magic bytes; anything else as the bytes came (the relay says plain bytes). */
async function imageTypeOf(bytes: Blob): Promise<string> {
  const head = new Uint8Array(await bytes.slice(0, 4).arrayBuffer());
  if (head[0] === 0x89 && head[1] === 0x50 && head[2] === 0x4e && head[3] === 0x47) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  return bytes.type || 'application/octet-stream';
}

// This laptop's photos as photo sync sees them (shared/sync/client/photos.ts): the originals held and
// whether the server is known to hold them, the photo records (and visits' signature images) that
// arrived without their original, and the keeping of an original that came down with its smaller
// copies. What the server confirmed is
// kept in `meta` under its epoch (one row: no new table for a list that only grows by appends, and a
// restored server's new epoch simply starts it afresh).
import type { DerivedImages } from '../../../../shared/photos/derive-protocol';
import { DERIVATIVE_KINDS, type DerivativeKind } from '../../../../shared/photos/prepared';
import type { PhotoCopyWanted, PhotoLibrary, PhotoSize } from '../../../../shared/sync/client/photos';
import { type DuchaDatabase, isLive, type PhotoDerivativeRow } from '../../database';
import { originalsAsked, syncState } from './sync-state';

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

/** The copies live photo records name, by the original's hash and kind (one per original and kind). */
async function namedCopies(db: DuchaDatabase): Promise<Map<string, PhotoCopyWanted>> {
  const named = new Map<string, PhotoCopyWanted>();
  await db.photos.each((row) => {
    if (!isLive(row) || !row.copies) return;
    for (const kind of DERIVATIVE_KINDS) {
      const copy = row.copies[kind];
      named.set(JSON.stringify([row.sha256, kind]), { ...copy, copyOf: row.sha256, kind });
    }
  });
  return named;
}

const derivativeKey = (copy: PhotoCopyWanted): [string, DerivativeKind] => [copy.copyOf, copy.kind];

export function dexiePhotoLibrary(db: DuchaDatabase): PhotoLibrary {
  /** Where the copies listed by the last `unconfirmedCopies` are kept, by their own hash. */
  const copiesByHash = new Map<string, [string, DerivativeKind]>();
  return {
    async unconfirmed(epoch) {
      const confirmed = await confirmedIn(db, epoch);
      const held: PhotoSize[] = [];
      await db.photoBlobs.each((row) => {
        if (!confirmed.has(row.sha256)) held.push({ sha256: row.sha256, byteLength: row.byteLength });
      });
      return held.sort(bySize);
    },

    async unconfirmedCopies(epoch) {
      const confirmed = await confirmedIn(db, epoch);
      // The copies made here that the records name (a copy made again here from a fetched original
      // has other bytes: it stays on this laptop).
      const named = [...(await namedCopies(db)).values()].filter((c) => !confirmed.has(c.sha256));
      const rows = await db.photoDerivatives.bulkGet(named.map(derivativeKey));
      const held: PhotoSize[] = [];
      named.forEach((copy, i) => {
        if (rows[i]?.copySha256 !== copy.sha256) return;
        copiesByHash.set(copy.sha256, derivativeKey(copy));
        held.push({ sha256: copy.sha256, byteLength: rows[i].blob.size, copyOf: copy.copyOf });
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
      const copy = copiesByHash.get(sha256);
      if (copy) {
        const row = await db.photoDerivatives.get(copy);
        return row?.copySha256 === sha256 ? row.blob : undefined;
      }
      return (await db.photoBlobs.get(sha256))?.blob;
    },

    async copiesLacking() {
      const named = [...(await namedCopies(db)).values()];
      const rows = await db.photoDerivatives.bulkGet(named.map(derivativeKey));
      const lacking = named.filter((_, i) => rows[i] === undefined);
      // Every thumbnail before any display copy: the lists fill first.
      const order = (c: PhotoCopyWanted) => DERIVATIVE_KINDS.indexOf(c.kind);
      return lacking.sort((a, b) => order(a) - order(b) || bySize(a, b));
    },

    async keepCopies(fetched) {
      if (fetched.length === 0) return;
      await db.transaction('rw', db.photoDerivatives, async () => {
        // One made here meanwhile (its original came by USB) stays.
        const held = await db.photoDerivatives.bulkGet(fetched.map((f) => derivativeKey(f.copy)));
        await db.photoDerivatives.bulkPut(
          fetched
            .filter((_, i) => held[i] === undefined)
            .map(({ copy, bytes }) => ({
              sha256: copy.copyOf,
              kind: copy.kind,
              blob: bytes.type === 'image/jpeg' ? bytes : new Blob([bytes], { type: 'image/jpeg' }),
              width: copy.width,
              height: copy.height,
              copySha256: copy.sha256,
            })),
        );
      });
    },

    async holdsCopies(sha256) {
      const rows = await db.photoDerivatives.bulkGet(DERIVATIVE_KINDS.map((kind) => [sha256, kind]));
      return rows.every((row) => row !== undefined);
    },

    async lacking() {
      // Only those a person asked for, when the laptop is set so (its copies come all the same).
      const { photoOriginals } = await syncState(db);
      const asked = photoOriginals === 'whenAsked' ? await originalsAsked(db) : null;
      const wanted = new Map<string, PhotoSize>();
      await db.photos.each((row) => {
        if (isLive(row) && (asked === null || asked.has(row.sha256)))
          wanted.set(row.sha256, { sha256: row.sha256, byteLength: row.byteLength });
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

    async keep(kept) {
      if (kept.length === 0) return;
      // A signature image has no photo record to name its type: its first bytes do.
      const sniffed = await Promise.all(
        kept.map(async (k) => ({ ...k, sniffed: await imageTypeOf(k.original) })),
      );
      await db.transaction('rw', [db.photos, db.photoBlobs, db.photoDerivatives], async () => {
        const hashes = kept.map((k) => k.sha256);
        const records = await db.photos.where('sha256').anyOf(hashes).toArray();
        const typeOf = new Map(records.map((r) => [r.sha256, r.mimeType]));
        await db.photoBlobs.bulkPut(
          sniffed.map(({ sha256, original, sniffed: bytesSay }) => {
            const mimeType = typeOf.get(sha256) ?? bytesSay;
            const typed = original.type === mimeType ? original : new Blob([original], { type: mimeType });
            return { sha256, mimeType, byteLength: typed.size, blob: typed };
          }),
        );
        await db.photoDerivatives.bulkPut(
          kept.flatMap(({ sha256, copies }) => (copies ? derivativeRows(sha256, copies) : [])),
        );
      });
    },
  };
}

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

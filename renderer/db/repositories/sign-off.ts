// Sign-off (签字确认): the inspector and the site's representative sign a draft visit on the spot.
// Each signature image is stored like a photo original, by its SHA-256, with the signer's name and
// the time; signing again replaces that role's signature until the visit is finalized.
import type { Signature } from '../../../shared/domain/visit';
import { sha256Hex } from '../../../shared/crypto/sha256';
import type { DuchaDatabase } from '../database';
import { updateRecord } from './records';
import { getVisit, VisitLockedError } from './visits';

export interface SignatureInput {
  role: Signature['role'];
  name: string;
  /** The drawn signature, as the pad exported it (PNG). */
  image: Blob;
}

export async function signVisit(
  db: DuchaDatabase,
  visitId: string,
  input: SignatureInput,
  now: number = Date.now(),
): Promise<Signature> {
  const name = input.name.trim();
  if (name === '') throw new Error('a signature needs the signer’s name');
  if (input.image.size === 0) throw new Error('the signature is empty');
  const bytes = new Uint8Array(await input.image.arrayBuffer());
  const imageSha256 = await sha256Hex(bytes);
  const signature: Signature = { role: input.role, name, signedAt: new Date(now).toISOString(), imageSha256 };
  await db.transaction('rw', [db.visits, db.photoBlobs, db.outbox, db.meta], async () => {
    const visit = await getVisit(db, visitId);
    if (!visit) throw new Error(`visit ${visitId} does not exist`);
    if (visit.status === 'finalized')
      throw new VisitLockedError('this visit is finalized and cannot be signed');
    if (!(await db.photoBlobs.get(imageSha256))) {
      await db.photoBlobs.add({
        sha256: imageSha256,
        mimeType: input.image.type || 'image/png',
        byteLength: bytes.byteLength,
        blob: new Blob([bytes], { type: input.image.type || 'image/png' }),
      });
    }
    const signatures = [...visit.signatures.filter((s) => s.role !== input.role), signature];
    await updateRecord(db, 'visits', visitId, { signatures: sortSignatures(signatures) }, now);
  });
  return signature;
}

/** Takes back a signature of a draft visit (signed by the wrong person, say). */
export async function removeSignature(
  db: DuchaDatabase,
  visitId: string,
  role: Signature['role'],
  now: number = Date.now(),
): Promise<void> {
  await db.transaction('rw', [db.visits, db.outbox, db.meta], async () => {
    const visit = await getVisit(db, visitId);
    if (!visit) throw new Error(`visit ${visitId} does not exist`);
    if (visit.status === 'finalized')
      throw new VisitLockedError('this visit is finalized and cannot be changed');
    const signatures = visit.signatures.filter((s) => s.role !== role);
    await updateRecord(db, 'visits', visitId, { signatures }, now);
  });
}

/** The inspector first, then the site's representative, as on the paper record. */
const sortSignatures = (signatures: Signature[]): Signature[] =>
  signatures.sort((a, b) => (a.role === b.role ? 0 : a.role === 'inspector' ? -1 : 1));

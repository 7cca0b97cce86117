// Photos both ways, after a round has pushed and pulled the records: this laptop's originals the
// server lacks go up by content hash through the chunk protocol, with the smaller copies this laptop
// made of them (thumbnail, display copy), which their photo records name. Down come first the copies
// of photo records that arrived without them — thumbnails, then display copies: the lists show every
// photo soon, and no laptop decodes an original another has decoded already — then the originals,
// smallest first. Pure: the transport and the local library are injected (the app's relay and Dexie;
// the tests' own), like runSyncRound's.
//
// What the server confirmed holding is remembered per server epoch, not asked about every round: a
// laptop with thousands of photos would otherwise send every hash every few minutes. A server
// restored from a backup has a new epoch and may lack photos again, so the memory of an older epoch
// is not trusted, and everything is asked about once more.
import { inParallel } from '../../bundle/in-parallel';
import type { DerivedImages } from '../../photos/derive-protocol';
import type { DerivativeKind } from '../../photos/prepared';
import { MISSING_MAX_HASHES, MissingReplySchema } from '../protocol';
import { expectReply } from './answers';
import { uploadPhoto } from './photo-upload';
import { failWith, type PhotoTransport, withSession } from './photo-transport';

/** A photo's original (or one of its smaller copies) by its hash and size. */
export interface PhotoSize {
  readonly sha256: string;
  readonly byteLength: number;
  /** For a smaller copy: the hash of its original. Copies are not counted among the photos waiting. */
  readonly copyOf?: string;
}

/** A smaller copy a photo record names and this laptop lacks. */
export interface PhotoCopyWanted extends PhotoSize {
  readonly copyOf: string;
  readonly kind: DerivativeKind;
  readonly width: number;
  readonly height: number;
}

/** This laptop's photos as the photo sync sees them (Dexie in the app). */
export interface PhotoLibrary {
  /** Originals held here that the server has not confirmed holding in this epoch. */
  unconfirmed(epoch: string): Promise<PhotoSize[]>;
  /** The same for the copies photo records name that this laptop holds (made here): not photos waiting. */
  unconfirmedCopies(epoch: string): Promise<PhotoSize[]>;
  /** Remembers that the server (of this epoch) holds these originals. */
  confirm(epoch: string, hashes: readonly string[]): Promise<void>;
  /** An original, or a copy a photo record names, held here by its hash; undefined otherwise. */
  original(sha256: string): Promise<Blob | undefined>;
  /** Photo records here whose original is not, one per hash, smallest first. */
  lacking(): Promise<PhotoSize[]>;
  /** Copies named by photo records here and not held: thumbnails first, each kind smallest first. */
  copiesLacking(): Promise<PhotoCopyWanted[]>;
  /** Keeps copies that came from the server, each as a copy of its original: one write for them all. */
  keepCopies(fetched: readonly { copy: PhotoCopyWanted; bytes: Blob }[]): Promise<void>;
  /** Whether both smaller copies of this original are held here (no need to make them). */
  holdsCopies(sha256: string): Promise<boolean>;
  /** Keeps originals that came from the server, each with its copies when they were made: one write. */
  keep(kept: readonly KeptOriginal[]): Promise<void>;
}

/** An original that came from the server, and its copies when this laptop had to make them. */
export interface KeptOriginal {
  readonly sha256: string;
  readonly photo: PhotoSize;
  readonly original: Blob;
  readonly copies: DerivedImages | null;
}

export type PhotoDirection = 'photoUp' | 'photoDown';

/** The photo moving now. */
export interface PhotoProgress {
  readonly direction: PhotoDirection;
  readonly sha256: string;
  /** Bytes of this photo sent or received so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** This direction's speed in this round so far; null before anything has moved. */
  readonly bytesPerSecond: number | null;
}

/** Photos still to move either way, and their bytes. */
export interface PhotoWaiting {
  readonly waiting: number;
  readonly waitingBytes: number;
}

export interface PhotoContext {
  readonly transport: PhotoTransport;
  readonly library: PhotoLibrary;
  readonly teamId: string;
  /** The server's epoch, as the round's cursor has it. */
  readonly epoch: string;
  readonly session: () => Promise<string>;
  readonly renewSession: () => Promise<string>;
  /** Makes the thumbnail and display copy of an original (the app's image workers); may reject. */
  readonly derive: (original: Blob) => Promise<DerivedImages>;
  readonly onProgress?: (progress: PhotoProgress | null) => void;
  readonly onWaiting?: (waiting: PhotoWaiting) => void;
  readonly now?: () => number;
}

export interface PhotoResult {
  readonly uploaded: number;
  readonly downloaded: number;
  /** Photos the server does not have complete yet (another laptop is still sending them). */
  readonly notYetOnServer: number;
}

/** Sends the photos the server lacks, then fetches the originals this laptop lacks. Throws SyncFailure. */
export async function syncPhotos(ctx: PhotoContext): Promise<PhotoResult> {
  const up = await missingOnServer(ctx);
  const down = await ctx.library.lacking();
  const waiting = new Waiting([...up.filter((p) => p.copyOf === undefined), ...down], ctx.onWaiting);
  const speed = new Speed(ctx.now ?? Date.now);

  let uploaded = 0;
  for (const photo of up) {
    const original = await ctx.library.original(photo.sha256);
    if (original) {
      speed.start('photoUp');
      await uploadPhoto(ctx, photo.sha256, original, (done, sent) => {
        speed.count('photoUp', sent);
        ctx.onProgress?.(speed.progress('photoUp', photo.sha256, done, original.size));
      });
      if (photo.copyOf === undefined) uploaded += 1;
    }
    await ctx.library.confirm(ctx.epoch, [photo.sha256]);
    if (photo.copyOf === undefined) waiting.moved(photo);
  }

  // The copies first: a few hundred KB a photo where its original is a few MB. One the server does
  // not have (yet) is made here from the original instead, once that has come. Small, so several
  // travel at once and a batch is kept in one write.
  const copies = await ctx.library.copiesLacking();
  for (let at = 0; at < copies.length; at += COPIES_PER_WRITE) {
    const fetched = await inParallel(
      copies.slice(at, at + COPIES_PER_WRITE),
      COPY_DOWNLOADS_AT_ONCE,
      async (copy) => {
        speed.start('photoDown');
        const bytes = await downloadPhoto(ctx, copy.sha256);
        if (bytes !== null) speed.count('photoDown', bytes.size);
        return bytes === null ? [] : [{ copy, bytes }];
      },
    );
    const kept = fetched.flat();
    await ctx.library.keepCopies(kept);
    await ctx.library.confirm(
      ctx.epoch,
      kept.map((k) => k.copy.sha256),
    );
  }

  let downloaded = 0;
  let notYetOnServer = 0;
  // Two at a time, smallest first, a few photos per write; a batch is written while the next one's
  // bytes come down (and, for a photo without copies, the image workers make them on the other core).
  const keepBatch = async (batch: readonly KeptOriginal[]): Promise<void> => {
    await ctx.library.keep(batch);
    // What this laptop got from the server, the server holds: never asked about again this epoch.
    await ctx.library.confirm(
      ctx.epoch,
      batch.map((k) => k.sha256),
    );
    for (const { photo, original } of batch) {
      ctx.onProgress?.(speed.progress('photoDown', photo.sha256, original.size, original.size));
      waiting.moved(photo);
      downloaded += 1;
    }
  };
  let writing: Promise<void> = Promise.resolve();
  for (let at = 0; at < down.length; at += ORIGINALS_PER_WRITE) {
    const fetched = await inParallel(
      down.slice(at, at + ORIGINALS_PER_WRITE),
      DOWNLOADS_AT_ONCE,
      async (photo): Promise<KeptOriginal[]> => {
        speed.start('photoDown');
        ctx.onProgress?.(speed.progress('photoDown', photo.sha256, 0, photo.byteLength));
        const original = await downloadPhoto(ctx, photo.sha256);
        if (original === null) {
          notYetOnServer += 1;
          return [];
        }
        speed.count('photoDown', original.size);
        const copies = (await ctx.library.holdsCopies(photo.sha256))
          ? null
          : await ctx.derive(original).catch(() => null);
        return [{ sha256: photo.sha256, photo, original, copies }];
      },
    ).catch(async (error: unknown) => {
      // The batch being written ends first: nothing of this round is still moving once it fails.
      await writing.catch(() => undefined);
      throw error;
    });
    await writing;
    writing = keepBatch(fetched.flat());
    // Awaited in its turn; a failure meanwhile must not go unhandled.
    writing.catch(() => undefined);
  }
  await writing;
  ctx.onProgress?.(null);
  return { uploaded, downloaded, notYetOnServer };
}

/** Photos coming down at once: more would only queue behind the same connection and two cores. */
const DOWNLOADS_AT_ONCE = 2;
/** Copies coming down at once: a few hundred KB each, where a request's round trip counts more. */
const COPY_DOWNLOADS_AT_ONCE = 6;
/** Originals kept per write (~20 MB): each write waits for the disk (durable commits). */
const ORIGINALS_PER_WRITE = 6;
/** Copies kept per write: each write waits for the disk (durable commits). */
const COPIES_PER_WRITE = 48;

/** The unconfirmed originals and copies the server lacks; those it holds are remembered as confirmed. */
async function missingOnServer(ctx: PhotoContext): Promise<PhotoSize[]> {
  const unconfirmed = [
    ...(await ctx.library.unconfirmedCopies(ctx.epoch)),
    ...(await ctx.library.unconfirmed(ctx.epoch)),
  ];
  const missing: PhotoSize[] = [];
  for (let at = 0; at < unconfirmed.length; at += MISSING_MAX_HASHES) {
    const batch = unconfirmed.slice(at, at + MISSING_MAX_HASHES);
    const reply = await withSession(ctx, async (session) =>
      ctx.transport.call({
        method: 'POST',
        path: `/teams/${encodeURIComponent(ctx.teamId)}/blobs/missing`,
        session,
        body: { hashes: batch.map((p) => p.sha256) },
      }),
    );
    const lacks = new Set(expectReply(reply, MissingReplySchema, 'photos missing').missing);
    await ctx.library.confirm(
      ctx.epoch,
      batch.filter((p) => !lacks.has(p.sha256)).map((p) => p.sha256),
    );
    missing.push(...batch.filter((p) => lacks.has(p.sha256)));
  }
  // The copies first, then small ones first: more photos reach the other laptops' lists sooner on a
  // slow connection.
  const isOriginal = (p: PhotoSize): number => (p.copyOf === undefined ? 1 : 0);
  return missing.sort((a, b) => isOriginal(a) - isOriginal(b) || a.byteLength - b.byteLength);
}

/** The original from the server, or null when it has none complete yet (404: try in a later round). */
async function downloadPhoto(ctx: PhotoContext, sha256: string): Promise<Blob | null> {
  const answer = await withSession(ctx, (session) =>
    ctx.transport.download({ teamId: ctx.teamId, sha256, session }),
  );
  if (answer.kind === 'photo') {
    const { bytes } = answer;
    return bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>]);
  }
  if (answer.kind === 'reply' && answer.status === 404) return null;
  return failWith(answer, 'photo download');
}

/** The count and bytes still to move, told whenever they change. */
class Waiting {
  private count: number;
  private bytes: number;
  constructor(
    photos: readonly PhotoSize[],
    private readonly tell: ((waiting: PhotoWaiting) => void) | undefined,
  ) {
    this.count = photos.length;
    this.bytes = photos.reduce((sum, p) => sum + p.byteLength, 0);
    this.publish();
  }
  moved(photo: PhotoSize): void {
    this.count -= 1;
    this.bytes -= photo.byteLength;
    this.publish();
  }
  private publish(): void {
    this.tell?.({ waiting: this.count, waitingBytes: Math.max(0, this.bytes) });
  }
}

/** Bytes per second in each direction over this round: a steadier figure than one chunk's. */
class Speed {
  private readonly since = new Map<PhotoDirection, number>();
  private readonly bytes = new Map<PhotoDirection, number>();
  constructor(private readonly now: () => number) {}

  /** Starts the clock of a direction at its first photo. */
  start(direction: PhotoDirection): void {
    if (!this.since.has(direction)) this.since.set(direction, this.now());
  }
  count(direction: PhotoDirection, bytes: number): void {
    this.start(direction);
    this.bytes.set(direction, (this.bytes.get(direction) ?? 0) + bytes);
  }
  progress(direction: PhotoDirection, sha256: string, done: number, total: number): PhotoProgress {
    const seconds = (this.now() - (this.since.get(direction) ?? this.now())) / 1000;
    const bytes = this.bytes.get(direction) ?? 0;
    return {
      direction,
      sha256,
      done,
      total,
      bytesPerSecond: seconds > 0 && bytes > 0 ? bytes / seconds : null,
    };
  }
}

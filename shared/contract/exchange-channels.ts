// Channels of the hand-over by USB. The page holds the data and builds every file; the host lists the
// drives and does the file work a page cannot do safely: free space and file-size limits first, each
// file under a temporary folder and fsynced, the manifest last, the folder renamed, then read back and
// checked. On import the host lists and hashes a folder, refusing links and unsafe names, and hands
// the page the bytes it asks for. Failures are answers with a fault the page names in the user's
// language, not thrown errors, because a full disk or a pulled stick is an expected event here.
//
// The page never names a folder to write to or read from: it holds grants (issue 19). A folder the
// person chose (the system's dialog, or the in-app chooser on the browser host) or a listed drive
// becomes a grant for this run of the host; an export writes only its own folder inside a grant; an
// import scans a granted folder and reads only inside the bundle folder that scan found, through the
// bundle grant the scan hands back. Paths in replies are for showing, never taken back.
import { z } from 'zod';
import { BytesSchema, defineChannel } from './channel';
import { Sha256Schema } from '../domain/common';

export const EXCHANGE_FAULTS = [
  'notFound', // the folder or drive is not there
  'notAFolder',
  'readOnly', // the target refuses writes (a locked stick, a read-only mount)
  'noSpace', // not enough free space, found before writing or by ENOSPC while writing
  'fileTooLarge', // a file larger than the target's file system allows (FAT32: 4 GiB - 1)
  'exists', // an export folder of that name is already there
  'removed', // the target went away while writing (a pulled stick)
  'verifyFailed', // the bytes read back do not match what was written
  'unsafePath', // a name that climbs out of the folder, is absolute, or is a link
  'notABundle', // no bundle/manifest.json in the folder
  'tooLarge', // a manifest, folder or read beyond the limits
  'unknownSession',
  'unknownGrant', // a grant this run of the host never gave (another run's, or made up): choose again
  'io', // any other file-system error; the detail says which
] as const;
export type ExchangeFault = (typeof EXCHANGE_FAULTS)[number];

const FaultSchema = z.enum(EXCHANGE_FAULTS);
const AbsolutePathSchema = z.string().min(1).max(4096);
const RelativePathSchema = z.string().min(1).max(1024);
const SessionIdSchema = z.string().regex(/^[0-9a-f]{32}$/);
/** A host's word that the person chose a folder (or drive) this run: opaque, 128 random bits. */
export const GrantSchema = z.string().regex(/^[0-9a-f]{32}$/, 'not a grant');
/** A chosen folder as the page holds it: the grant, and its path to show. */
export const PlaceSchema = z.object({ grant: GrantSchema, path: z.string() });
export type Place = z.infer<typeof PlaceSchema>;
/** The most one importRead or importReadFiles hands over; a larger file is read in pieces. */
export const MAX_READ_BYTES = 64 * 1024 * 1024;
/** The most files one importReadFiles takes (their names travel with the request). */
export const MAX_FILES_PER_READ = 256;

/** A failed step: the fault for the user's message, and the file-system's own words for the log. */
export const FailedSchema = z.object({
  status: z.literal('failed'),
  fault: FaultSchema,
  detail: z.string().max(2000),
  /** For noSpace: what was needed and what was free, when known. */
  needBytes: z.number().nonnegative().optional(),
  freeBytes: z.number().nonnegative().optional(),
});
export type ExchangeFailure = z.infer<typeof FailedSchema>;

export const DriveSchema = z.object({
  /** Where the drive is mounted: /media/kim/USB, E:\, /Volumes/USB. */
  mountPath: z.string(),
  label: z.string(),
  fileSystem: z.string().nullable(),
  sizeBytes: z.number().nonnegative().nullable(),
  freeBytes: z.number().nonnegative().nullable(),
});
export type Drive = z.infer<typeof DriveSchema>;

/** The drives as the system lists them (the host's own view, before any is granted). */
export const DrivesSchema = z.object({
  drives: z.array(DriveSchema),
  /** The tool that listed them; null when this system has none of lsblk, PowerShell or diskutil. */
  lister: z.enum(['lsblk', 'powershell', 'diskutil']).nullable(),
  /** Why the listing failed, if it did; "Choose folder" still works. */
  problem: z.string().nullable(),
});
export type Drives = z.infer<typeof DrivesSchema>;

/** The drives as the page sees them: each with the grant to export to it or import from it. */
export const GrantedDrivesSchema = DrivesSchema.extend({
  drives: z.array(DriveSchema.extend({ grant: GrantSchema })),
});
export type GrantedDrives = z.infer<typeof GrantedDrivesSchema>;
export type GrantedDrive = GrantedDrives['drives'][number];

export const FolderListingSchema = z.object({
  path: z.string(),
  parent: z.string().nullable(),
  folders: z.array(z.string()),
  /** Places to start from: the home folder and the mounted drives. */
  places: z.array(z.object({ label: z.string(), path: z.string() })),
});
export type FolderListing = z.infer<typeof FolderListingSchema>;

export const ExportStartedSchema = z.object({
  status: z.literal('started'),
  sessionId: SessionIdSchema,
  /** Where the folder will be once it is complete. */
  finalPath: z.string(),
  fileSystem: z.string().nullable(),
  freeBytes: z.number().nonnegative().nullable(),
});

export const ExportWrittenSchema = z.object({
  status: z.literal('written'),
  /** Bytes of this file written so far. */
  size: z.number().int().nonnegative(),
  /** Once the file is final: the SHA-256 of all its bytes. */
  sha256: Sha256Schema.nullable(),
});

export const ExportDoneSchema = z.object({
  status: z.literal('done'),
  path: z.string(),
  files: z.number().int().nonnegative(),
  bytes: z.number().nonnegative(),
});

export const ScannedFileSchema = z.object({
  path: z.string(),
  size: z.number().nonnegative(),
  sha256: Sha256Schema,
});
export type ScannedFile = z.infer<typeof ScannedFileSchema>;

export const ImportScannedSchema = z.object({
  status: z.literal('scanned'),
  /** The export folder itself (the one holding bundle/manifest.json), to show. */
  folder: z.string(),
  /** What importRead and importReadFiles take: reading inside this folder, and nowhere else. */
  bundleGrant: GrantSchema,
  /** The manifest's text, unparsed: the page checks it and its signature. */
  manifest: z.string(),
  files: z.array(ScannedFileSchema),
  /** What the folder holds that no bundle may: links, devices, unsafe names. */
  refused: z.array(
    z.object({
      path: z.string(),
      /** A symbolic link, a named pipe, a socket, a device file, anything else not a file; a name no bundle may use. */
      reason: z.enum(['link', 'fifo', 'socket', 'device', 'special', 'unsafeName']),
    }),
  ),
});

export const NotABundleSchema = z.object({
  status: z.literal('notABundle'),
  /** Export folders found one level down (a drive's root holds several), each granted in turn. */
  candidates: z.array(z.object({ folder: z.string(), name: z.string(), grant: GrantSchema })),
});

export const exchangeChannels = {
  exchangeDrives: defineChannel(z.object({}).strict(), GrantedDrivesSchema),
  /**
   * The system's folder dialog in the desktop app: the folder chosen, granted (null when the person
   * cancelled). The browser host has none (native: false): the page shows its in-app chooser.
   */
  exchangeChooseFolder: defineChannel(
    z.object({ purpose: z.enum(['export', 'import']) }).strict(),
    z.object({ native: z.boolean(), chosen: PlaceSchema.nullable() }),
  ),
  /**
   * The in-app chooser's "Use this folder" (browser host only): the folder becomes a grant if the
   * chooser could have listed it — under the home folder, a drive or a mount place, never hidden,
   * and still there once links are resolved. The desktop app refuses: its dialog is the chooser.
   */
  exchangeGrant: defineChannel(
    z.object({ path: AbsolutePathSchema }).strict(),
    z.discriminatedUnion('status', [PlaceSchema.extend({ status: z.literal('granted') }), FailedSchema]),
  ),
  /** Folders under a path, for the in-app folder chooser; null lists the home folder. Lists only. */
  exchangeBrowse: defineChannel(
    z.object({ path: AbsolutePathSchema.nullable() }).strict(),
    z.discriminatedUnion('status', [
      FolderListingSchema.extend({ status: z.literal('listed') }),
      FailedSchema,
    ]),
  ),
  exportBegin: defineChannel(
    z
      .object({
        /** The chosen folder (or drive) the export folder is made in. */
        grant: GrantSchema,
        /** The folder's final name; it is written as a hidden temporary folder until complete. */
        folderName: z.string().min(1).max(200),
        totalBytes: z.number().int().nonnegative(),
        largestFileBytes: z.number().int().nonnegative(),
      })
      .strict(),
    z.discriminatedUnion('status', [ExportStartedSchema, FailedSchema]),
  ),
  /** One piece of one file, in order; `final` closes, fsyncs and hashes it. */
  exportWrite: defineChannel(
    z
      .object({
        sessionId: SessionIdSchema,
        path: RelativePathSchema,
        offset: z.number().int().nonnegative(),
        final: z.boolean(),
        bytes: BytesSchema,
      })
      .strict(),
    z.discriminatedUnion('status', [ExportWrittenSchema, FailedSchema]),
    'request',
  ),
  /** Writes the manifest last, renames the folder into place, and reads every listed file back. */
  exportFinish: defineChannel(
    z.object({ sessionId: SessionIdSchema, manifest: z.string().min(2) }).strict(),
    z.discriminatedUnion('status', [ExportDoneSchema, FailedSchema]),
  ),
  /**
   * What exports interrupted earlier left in a folder (a stick pulled, a laptop shut): their hidden
   * temporary folders, found when the folder is chosen again, to offer their removal.
   */
  exchangeLeftovers: defineChannel(
    z.object({ grant: GrantSchema }).strict(),
    z.discriminatedUnion('status', [
      z.object({
        status: z.literal('listed'),
        leftovers: z.array(z.object({ name: z.string(), bytes: z.number().nonnegative() })),
      }),
      FailedSchema,
    ]),
  ),
  /** Removes those leftovers (never an export still being written). */
  exchangeRemoveLeftovers: defineChannel(
    z.object({ grant: GrantSchema }).strict(),
    z.discriminatedUnion('status', [
      z.object({
        status: z.literal('removed'),
        removed: z.number().int().nonnegative(),
        bytes: z.number().nonnegative(),
      }),
      FailedSchema,
    ]),
  ),
  /** Cancel or clean up after a failure: the temporary folder goes, nothing looks complete. */
  exportAbort: defineChannel(
    z.object({ sessionId: SessionIdSchema }).strict(),
    z.object({ removed: z.boolean() }),
  ),
  /** Lists and hashes the chosen folder if it is an export folder; otherwise the export folders in it. */
  importScan: defineChannel(
    z.object({ grant: GrantSchema }).strict(),
    z.discriminatedUnion('status', [ImportScannedSchema, NotABundleSchema, FailedSchema]),
  ),
  /** Bytes of one file: a piece of one too large for importReadFiles (a video), unchecked. */
  importRead: defineChannel(
    z
      .object({
        bundleGrant: GrantSchema,
        path: RelativePathSchema,
        offset: z.number().int().nonnegative(),
        length: z.number().int().positive().max(MAX_READ_BYTES),
      })
      .strict(),
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('read'), size: z.number().nonnegative(), bytes: BytesSchema }),
      FailedSchema,
    ]),
    'response',
  ),
  /**
   * Whole files, their bytes one after another (`sizes` says where each ends), each checked by the
   * host against the SHA-256 asked for: verifyFailed unless every file still has it, and tooLarge
   * beyond MAX_READ_BYTES in all. A photo is checked once, where it is read, and goes on to IndexedDB
   * without the page hashing it again; photos go many to a read because a browser takes one large
   * reply several times faster than many small ones.
   */
  importReadFiles: defineChannel(
    z
      .object({
        bundleGrant: GrantSchema,
        files: z
          .array(z.object({ path: RelativePathSchema, sha256: Sha256Schema }).strict())
          .min(1)
          .max(MAX_FILES_PER_READ),
      })
      .strict(),
    z.discriminatedUnion('status', [
      z.object({
        status: z.literal('read'),
        sizes: z.array(z.number().int().nonnegative()),
        bytes: BytesSchema,
      }),
      FailedSchema,
    ]),
    'response',
  ),
};

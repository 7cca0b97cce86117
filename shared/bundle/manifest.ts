// The bundle's manifest: what a hand-over folder holds, who made it, and the signature over all of it.
// docs/bundle-format.md describes it for other programs; this schema is the reference both sides check.
import { z } from 'zod';
import { isEncodedHlc, NODE_ID } from '../sync/hlc';
import { Sha256Schema } from '../domain/common';
import { bundlePathProblem } from './paths';

export const BUNDLE_FORMAT = 'ducha-bundle';
/** The format this version writes and the newest it reads; a larger number is a future version. */
export const BUNDLE_FORMAT_VERSION = 1;
/** Where the manifest lies inside an export folder; it is written last. */
export const MANIFEST_PATH = 'bundle/manifest.json';
export const OPERATIONS_PATH = 'bundle/operations.ndjson';
/** A manifest larger than this is refused before it is parsed. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
export const MAX_BUNDLE_FILES = 200_000;
/** FAT32's limit: one byte under 4 GiB. No file of a bundle may be larger, whatever the target. */
export const MAX_BUNDLE_FILE_BYTES = 4 * 1024 * 1024 * 1024 - 1;

const HlcSchema = z.string().refine(isEncodedHlc, 'not a clock');
const NodeSchema = z.string().regex(NODE_ID, 'not a device node id');

export const BundlePathSchema = z.string().superRefine((path, ctx) => {
  const problem = bundlePathProblem(path);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const FILE_ROLES = ['operations', 'blob', 'report', 'ledger', 'page', 'receipt', 'other'] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export const ManifestFileSchema = z
  .object({
    path: BundlePathSchema,
    sha256: Sha256Schema,
    size: z.number().int().nonnegative().max(MAX_BUNDLE_FILE_BYTES),
    role: z.enum(FILE_ROLES),
    /** For blobs: the photo's type, as stored with its original bytes. */
    mimeType: z.string().max(100).optional(),
  })
  .strict();
export type ManifestFile = z.infer<typeof ManifestFileSchema>;

/** Per device node, the highest clock of that node's changes a side holds (a version vector). */
export const KnowledgeSchema = z.record(NodeSchema, HlcSchema);
export type Knowledge = z.infer<typeof KnowledgeSchema>;

export const DeviceSchema = z
  .object({
    node: NodeSchema,
    /** What the inspectors call the laptop, e.g. 督查一组-笔记本2. */
    name: z.string().max(100),
    /** The device's Ed25519 public key, raw 32 bytes in base64. */
    publicKey: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'not a 32-byte key in base64'),
  })
  .strict();

export const SignatureSchema = z
  .object({
    algorithm: z.literal('Ed25519'),
    /** 64 bytes in base64, over the UTF-8 of the canonical JSON of the manifest without `signature`. */
    value: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'not a 64-byte signature in base64'),
  })
  .strict();

/** The fields every version must keep, read first so a future version is named as such. */
export const ManifestHeadSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().positive(),
});

export const ManifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    createdAt: z.iso.datetime(),
    app: z.string().max(100),
    source: DeviceSchema,
    team: z
      .object({ id: z.string().max(64), name: z.string().max(200) })
      .strict()
      .nullable(),
    kind: z.enum(['full', 'incremental']),
    /** For an incremental bundle: the device it was made for. */
    recipient: z
      .object({ node: NodeSchema, name: z.string().max(100) })
      .strict()
      .nullable(),
    /** What the recipient was known to hold; only changes beyond it are in an incremental bundle. */
    since: KnowledgeSchema.nullable(),
    /** What the source holds once the bundle is applied: the recipient knows this much afterwards. */
    knowledge: KnowledgeSchema,
    /** The lowest and highest clock among the operations (null when there are none). */
    clockRange: z.object({ from: HlcSchema, to: HlcSchema }).strict().nullable(),
    operations: z.object({ path: BundlePathSchema, count: z.number().int().nonnegative() }).strict(),
    files: z.array(ManifestFileSchema).max(MAX_BUNDLE_FILES),
    signature: SignatureSchema,
  })
  .strict();
export type Manifest = z.infer<typeof ManifestSchema>;
export type UnsignedManifest = Omit<Manifest, 'signature'>;

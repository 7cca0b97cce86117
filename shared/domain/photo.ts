// What is known about a photo; the original bytes live apart, keyed by their SHA-256.
import { z } from 'zod';
import { GeoPointSchema, IdSchema, InstantSchema, RecordBase, Sha256Schema } from './common';

/**
 * A smaller copy (thumbnail or display copy) as the laptop that took the photo made it, by the hash of
 * its own bytes: other laptops fetch it from the server rather than decode the original again, and
 * show a thumbnail before the original has come.
 */
export const PhotoCopySchema = z.object({
  sha256: Sha256Schema,
  byteLength: z.number().int().positive(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type PhotoCopy = z.infer<typeof PhotoCopySchema>;

export const PhotoSchema = z.object({
  ...RecordBase,
  sha256: Sha256Schema,
  fileName: z.string().max(255),
  mimeType: z.string().max(100),
  byteLength: z.number().int().nonnegative(),
  width: z.number().int().positive().nullable(),
  height: z.number().int().positive().nullable(),
  takenAt: InstantSchema.nullable(),
  gps: GeoPointSchema.nullable(),
  camera: z.string().max(100).nullable(),
  orientation: z.number().int().min(1).max(8).nullable(),
  caption: z.string().max(500),
  projectId: IdSchema,
  visitId: IdSchema.nullable(),
  issueId: IdSchema.nullable(),
  checklistItemId: z.string().max(40).nullable(),
  /** Absent on photos taken before copies travelled, and where they could not be made. */
  copies: z.object({ thumbnail: PhotoCopySchema, display: PhotoCopySchema }).optional(),
});
export type Photo = z.infer<typeof PhotoSchema>;

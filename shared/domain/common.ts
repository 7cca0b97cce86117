import { z } from 'zod';

export const IdSchema = z.string().min(1).max(64);
/** A calendar date as the inspectors write it, without a zone: YYYY-MM-DD. */
export const LocalDateSchema = z.iso.date();
/** An instant, ISO 8601 in UTC. */
export const InstantSchema = z.iso.datetime();
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest');
export const GeoPointSchema = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  altitude: z.number().optional(),
});
export type GeoPoint = z.infer<typeof GeoPointSchema>;

/** Every stored record carries these. */
export const RecordBase = {
  id: IdSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
};

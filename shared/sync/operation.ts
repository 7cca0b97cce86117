// One operation = one field of one row set at one clock. Sync, USB bundles and local writes all carry these.
import { z } from 'zod';
import type { Json } from './canonical-json';
import { isEncodedHlc } from './hlc';
import { SYNCED_TABLES } from './tables';

export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  // A union tries its options in order and stops at the first that fits; the options exclude each
  // other, so the order changes only the speed: most values are strings, then numbers and booleans.
  z.union([
    z.string(),
    z.number().refine(Number.isFinite, 'not a finite number'),
    z.boolean(),
    z.null(),
    z.array(JsonSchema),
    z.record(z.string(), JsonSchema),
  ]),
);

/** The tombstone field: deletion is just another field, so it merges like every other. */
export const DELETED_FIELD = '_deleted';
const FIELD_NAME = /^(?:_deleted|[a-zA-Z][a-zA-Z0-9]{0,63})$/;

export const OperationSchema = z
  .object({
    table: z.enum(SYNCED_TABLES),
    rowId: z.string().min(1).max(64),
    field: z.string().regex(FIELD_NAME, 'not a field name'),
    value: JsonSchema,
    hlc: z.string().refine(isEncodedHlc, 'not a clock'),
    node: z.string().regex(/^[0-9a-f]{16}$/),
  })
  // zod runs this even when the hlc field has already failed, hence the first test. An encoded clock
  // ends with its node (decodeHlc's node), read here without decoding: it runs for every operation.
  .refine((op) => !isEncodedHlc(op.hlc) || op.hlc.endsWith(`-${op.node}`), 'clock and node disagree')
  .refine((op) => op.field !== 'id', 'the id is not a field');

export type Operation = z.infer<typeof OperationSchema>;

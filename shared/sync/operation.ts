// One operation = one field of one row set at one clock. Sync, USB bundles and local writes all carry these.
import { z } from 'zod';
import type { Json } from './canonical-json';
import { decodeHlc, isEncodedHlc } from './hlc';
import { SYNCED_TABLES } from './tables';

export const JsonSchema: z.ZodType<Json> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number().refine(Number.isFinite, 'not a finite number'),
    z.string(),
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
  // zod runs this even when the hlc field has already failed; decodeHlc would then throw out of safeParse.
  .refine((op) => !isEncodedHlc(op.hlc) || decodeHlc(op.hlc).node === op.node, 'clock and node disagree')
  .refine((op) => op.field !== 'id', 'the id is not a field');

export type Operation = z.infer<typeof OperationSchema>;

// A correction to a finalized visit (修改记录). A finalized visit is never edited in place without
// trace: each amendment says who, when, why and every field's value before and after, and the
// amendments of one visit form a hash chain (shared/history/amendment-chain.ts).
import { z } from 'zod';
import { IdSchema, InstantSchema, RecordBase, Sha256Schema } from './common';

/** The visit fields an amendment may correct; status, signatures and links are not among them. */
export const AMENDABLE_VISIT_FIELDS = [
  'type',
  'date',
  'startTime',
  'memberIds',
  'location',
  'weather',
  'progressNarrative',
  'percentComplete',
  'reportedInvestment',
  'workersOnSite',
  'machinesOnSite',
] as const;
export type AmendableVisitField = (typeof AMENDABLE_VISIT_FIELDS)[number];

export const AmendedFieldSchema = z.object({
  field: z.enum(AMENDABLE_VISIT_FIELDS),
  before: z.json(),
  after: z.json(),
});
export type AmendedField = z.infer<typeof AmendedFieldSchema>;

export const VisitAmendmentSchema = z.object({
  ...RecordBase,
  visitId: IdSchema,
  seq: z.number().int().nonnegative(),
  actorName: z.string().min(1).max(50),
  at: InstantSchema,
  reason: z.string().trim().min(1).max(1000),
  changes: z.array(AmendedFieldSchema).min(1),
  prevHash: Sha256Schema.nullable(),
  /**
   * At a join only: the other entries this one follows (steps taken apart on other laptops), sorted.
   * Absent on every other entry, so histories written before joins existed hash as they did.
   */
  joins: z.array(Sha256Schema).min(1).max(64).optional(),
  hash: Sha256Schema,
});
export type VisitAmendment = z.infer<typeof VisitAmendmentSchema>;

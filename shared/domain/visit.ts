// One inspection of one project on one day by a team (督查记录).
import { z } from 'zod';
import { FenSchema } from './money';
import { GeoPointSchema, IdSchema, InstantSchema, LocalDateSchema, RecordBase, Sha256Schema } from './common';

export const VISIT_TYPES = [
  'scheduled', // 定期
  'unscheduled', // 不定期
  'special', // 专项
  'unannounced', // 暗访
  'reinspection', // 复查
  'observation', // 观摩
] as const;
export type VisitType = (typeof VISIT_TYPES)[number];

export const SIGNER_ROLES = ['inspector', 'siteRepresentative'] as const;
export const SignatureSchema = z.object({
  role: z.enum(SIGNER_ROLES),
  name: z.string().min(1).max(50),
  signedAt: InstantSchema,
  /** The signature image, stored like a photo blob, by hash. */
  imageSha256: Sha256Schema,
});
export type Signature = z.infer<typeof SignatureSchema>;

export const VisitSchema = z.object({
  ...RecordBase,
  projectId: IdSchema,
  type: z.enum(VISIT_TYPES),
  date: LocalDateSchema,
  startTime: z
    .string()
    .regex(/^\d{2}:\d{2}$/)
    .nullable(),
  teamId: IdSchema.nullable(),
  memberIds: z.array(IdSchema),
  location: GeoPointSchema.extend({ source: z.enum(['photo', 'typed']) }).nullable(),
  weather: z.string().max(50),
  /** 形象进度: what the inspectors saw, in their words. */
  progressNarrative: z.string().max(5000),
  percentComplete: z.number().min(0).max(100).nullable(),
  /** 累计完成投资 as reported on site at this visit. */
  reportedInvestment: FenSchema.nullable(),
  workersOnSite: z.number().int().nonnegative().nullable(),
  machinesOnSite: z.number().int().nonnegative().nullable(),
  /** For a re-inspection (复查): the issues it checks. */
  reinspectedIssueIds: z.array(IdSchema),
  signatures: z.array(SignatureSchema),
  status: z.enum(['draft', 'finalized']),
  finalizedAt: InstantSchema.nullable(),
});
export type Visit = z.infer<typeof VisitSchema>;

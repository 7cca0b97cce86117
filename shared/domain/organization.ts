// Who does the work: regions, responsible units (责任单位), people and supervision teams (督查组).
import { z } from 'zod';
import { IdSchema, RecordBase } from './common';

export const REGION_LEVELS = ['city', 'county', 'town'] as const;
export const RegionSchema = z.object({
  ...RecordBase,
  name: z.string().min(1).max(100),
  level: z.enum(REGION_LEVELS),
  parentId: IdSchema.nullable(),
  /** Retired: kept for the records that use it, no longer offered in pickers. Never deleted. */
  retired: z.boolean().optional(),
});
export type Region = z.infer<typeof RegionSchema>;

/** Short names of the departments the speeches name; a unit may also be of another kind. */
export const UNIT_KINDS = [
  'development', // 发改
  'landResources', // 国土
  'construction', // 建设(住建)
  'water', // 水务
  'forestry', // 林业
  'environment', // 环保
  'planning', // 规划
  'finance', // 财政
  'power', // 供电
  'transport', // 交通
  'government', // 县(区)政府
  'enterprise', // 项目业主
  'other',
] as const;
export const UnitSchema = z.object({
  ...RecordBase,
  name: z.string().min(1).max(100),
  shortName: z.string().min(1).max(20),
  kind: z.enum(UNIT_KINDS),
  regionId: IdSchema.nullable(),
  /** A department (科室) of another unit: the unit it belongs to. */
  parentId: IdSchema.nullable().optional(),
  retired: z.boolean().optional(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const PersonSchema = z.object({
  ...RecordBase,
  name: z.string().min(1).max(50),
  title: z.string().max(100).default(''),
  unitId: IdSchema.nullable(),
  phone: z.string().max(30).default(''),
  /** The team the person inspects with, when they are one of the team's own people. */
  teamId: IdSchema.nullable().optional(),
  retired: z.boolean().optional(),
});
export type Person = z.infer<typeof PersonSchema>;

export const TeamSchema = z.object({
  ...RecordBase,
  name: z.string().min(1).max(100),
  leaderId: IdSchema.nullable(),
  memberIds: z.array(IdSchema),
  /** Prefix of the team's document numbers, e.g. 督查 in 督查〔2026〕12号. */
  documentPrefix: z.string().min(1).max(20),
  /** The issuing authority (发文机关) printed in the notice's header and 落款, e.g. 普洱市重点项目督查办公室. */
  issuingAuthority: z.string().max(100).optional(),
  /** The city the team works in (a region of level 'city'). */
  cityId: IdSchema.nullable().optional(),
  /**
   * The first number of this year's sequence, for a team that already gave numbers out on paper: the
   * next notice gets the larger of this and one past the highest number on record.
   */
  noticeSequenceStart: z
    .object({ year: z.number().int().min(2000).max(2100), next: z.number().int().min(1).max(100000) })
    .nullable()
    .optional(),
  /** The shortest 整改时限 a notice may order, in days from its issue; shorter needs a stated reason. */
  minimumDeadlineDays: z.number().int().min(0).max(365).optional(),
  /** 抄送 line of the team's documents. */
  copyTo: z.string().max(200).optional(),
  /** 印发机关 of the 版记 (the office that prints and sends the team's documents); none, no 印发 line. */
  printedBy: z.string().max(100).optional(),
});
export type Team = z.infer<typeof TeamSchema>;

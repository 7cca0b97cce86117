// Who does the work: regions, responsible units (责任单位), people and supervision teams (督查组).
import { z } from 'zod';
import { IdSchema, RecordBase } from './common';

export const REGION_LEVELS = ['city', 'county', 'town'] as const;
export const RegionSchema = z.object({
  ...RecordBase,
  name: z.string().min(1).max(100),
  level: z.enum(REGION_LEVELS),
  parentId: IdSchema.nullable(),
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
});
export type Unit = z.infer<typeof UnitSchema>;

export const PersonSchema = z.object({
  ...RecordBase,
  name: z.string().min(1).max(50),
  title: z.string().max(100).default(''),
  unitId: IdSchema.nullable(),
  phone: z.string().max(30).default(''),
});
export type Person = z.infer<typeof PersonSchema>;

export const TeamSchema = z.object({
  ...RecordBase,
  name: z.string().min(1).max(100),
  leaderId: IdSchema.nullable(),
  memberIds: z.array(IdSchema),
  /** Prefix of the team's document numbers, e.g. 督查 in 督查〔2026〕12号. */
  documentPrefix: z.string().min(1).max(20),
});
export type Team = z.infer<typeof TeamSchema>;

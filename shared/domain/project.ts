// A key project (重点项目) as the ledger (项目台账) holds it.
import { z } from 'zod';
import { FenSchema } from './money';
import { IdSchema, LocalDateSchema, RecordBase } from './common';

export const PROJECT_CATEGORIES = [
  'sewage', // 污水处理
  'waste', // 垃圾处理
  'lowRentHousing', // 廉租住房
  'affordableHousing', // 经济适用住房
  'shantyTown', // 棚户区改造
  'industrialPark', // 园区基础设施 (五通一平)
  'industry', // 产业项目
  'transport', // 道路
  'other',
] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

export const PROJECT_PHASES = [
  'preparation',
  'underConstruction',
  'continuing',
  'completed',
  'operating',
] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

/** 关键节点, in the order a project passes them. */
export const MILESTONE_KINDS = [
  'approval', // 立项
  'feasibilityApproval', // 可研批复
  'preliminaryDesignApproval', // 初设批复
  'environmentalApproval', // 环评批复
  'landApproval', // 用地批复
  'constructionPermit', // 施工许可
  'groundbreaking', // 开工
  'mainStructureDone', // 主体完工
  'completionAcceptance', // 竣工验收
  'operation', // 投产
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const MilestoneSchema = z.object({
  kind: z.enum(MILESTONE_KINDS),
  planned: LocalDateSchema.nullable(),
  actual: LocalDateSchema.nullable(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const FUNDING_SOURCES = [
  'centralSubsidy', // 中央补助
  'provincial', // 省级
  'city', // 市级
  'countyMatch', // 县级配套
  'loan', // 贷款
  'private', // 社会资本
] as const;
export const FundingLineSchema = z.object({
  source: z.enum(FUNDING_SOURCES),
  committed: FenSchema,
  arrived: FenSchema,
});
export type FundingLine = z.infer<typeof FundingLineSchema>;

/** 建设规模: whatever measures fit the project; all optional. */
export const ScaleSchema = z.object({
  areaM2: z.number().nonnegative().nullable(),
  completedAreaM2: z.number().nonnegative().nullable(),
  households: z.number().int().nonnegative().nullable(),
  capacity: z.object({ value: z.number().nonnegative(), unit: z.string().min(1).max(20) }).nullable(),
  landMu: z.number().nonnegative().nullable(),
  description: z.string().max(500),
});
export type Scale = z.infer<typeof ScaleSchema>;

export const ProjectSchema = z.object({
  ...RecordBase,
  name: z.string().min(1).max(200),
  category: z.enum(PROJECT_CATEGORIES),
  regionId: IdSchema,
  owner: z.string().max(200),
  responsibleUnitIds: z.array(IdSchema),
  leaderId: IdSchema.nullable(),
  totalInvestment: FenSchema,
  /** The year the annual plan and the completed-this-year figure refer to. */
  planYear: z.number().int().min(2000).max(2100),
  annualPlan: FenSchema,
  completedThisYear: FenSchema,
  completedTotal: FenSchema,
  scale: ScaleSchema,
  funding: z.array(FundingLineSchema),
  phase: z.enum(PROJECT_PHASES),
  milestones: z.array(MilestoneSchema),
  notes: z.string().max(5000),
});
export type Project = z.infer<typeof ProjectSchema>;

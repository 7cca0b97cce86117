// A problem found on a visit (问题) and its rectification (整改) lifecycle.
import { z } from 'zod';
import { IdSchema, InstantSchema, LocalDateSchema, RecordBase, Sha256Schema } from './common';

export const ISSUE_CATEGORIES = [
  'landAcquisition', // 土地征用/拆迁
  'funding', // 资金/配套资金
  'approvals', // 审批手续
  'roads', // 道路
  'power', // 用电
  'water', // 用水
  'preparatoryWork', // 前期工作
  'scheduleSlip', // 进度滞后
  'quality', // 工程质量
  'safety', // 安全生产
  'environment', // 扬尘, 三同时, 节能减排
  'misuseOfFunds', // 资金挪用
  'administrativeDelay', // 审批拖延
  'fees', // 收费机制
  'other',
] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

export const SEVERITIES = ['general', 'serious', 'grave'] as const; // 一般, 较重, 严重
export type Severity = (typeof SEVERITIES)[number];

export const ISSUE_STATUSES = [
  'draft', // 待下发
  'issued', // 已下发
  'acknowledged', // 已签收
  'inProgress', // 整改中
  'extensionRequested', // 申请延期
  'rectificationReported', // 已反馈
  'awaitingReinspection', // 待复查
  'closed', // 已销号
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/** The checklist item a finding came from (answered 否), named as it read when the finding was made. */
export const ChecklistItemRefSchema = z.object({
  /** The visit's filled checklist (ChecklistResult.id). */
  resultId: IdSchema,
  /** The item's id within the template version the checklist was filled with. */
  itemKey: z.string().min(1).max(40),
  text: z.string().max(500),
});
export type ChecklistItemRef = z.infer<typeof ChecklistItemRefSchema>;

export const IssueSchema = z.object({
  ...RecordBase,
  projectId: IdSchema,
  /** Copied from the project so that issues can be listed by region without a join. */
  regionId: IdSchema,
  visitId: IdSchema.nullable(),
  title: z.string().min(1).max(200),
  description: z.string().max(5000),
  category: z.enum(ISSUE_CATEGORIES),
  severity: z.enum(SEVERITIES),
  responsibleUnitIds: z.array(IdSchema).min(1),
  responsiblePerson: z.string().max(50),
  coordinatingLeaderId: IdSchema.nullable(),
  /** 整改时限 in force; an extension moves it, the original stays in originalDeadline. */
  deadline: LocalDateSchema,
  originalDeadline: LocalDateSchema,
  status: z.enum(ISSUE_STATUSES),
  needsCoordination: z.boolean(),
  noticeNumber: z.string().max(40).nullable(),
  closedAt: InstantSchema.nullable(),
  /** Optional so that issues stored before it existed stay valid; null or absent: not from a checklist. */
  checklistItem: ChecklistItemRefSchema.nullable().optional(),
});
export type Issue = z.infer<typeof IssueSchema>;

export const ISSUE_EVENT_KINDS = [
  'created',
  'issued',
  'acknowledged',
  'progressNoted',
  'extensionRequested',
  'extensionGranted',
  'extensionRefused',
  'rectificationReported',
  'reinspectionRequested',
  'closed',
  'sentBack',
  // Office decisions that leave the status as it is:
  'deadlineChanged', // a new deadline set by the office, with its reason
  'coordinationFlagged', // raised at the joint meeting (调度会)
  'coordinationCleared',
  // The office decides between steps taken apart that contradict each other (closed on one laptop,
  // sent back on the other): the status the decision keeps, following both branches.
  'stepsDecided',
  // A notice number given offline as provisional (督查〔2026〕临3号) replaced by the final one the team's
  // server reserved, once the laptop synced: the entry's note says which by which.
  'noticeRenumbered',
] as const;
export type IssueEventKind = (typeof ISSUE_EVENT_KINDS)[number];

/** One step of an issue's history. Append-only; each entry hashes the one before it. */
export const IssueEventSchema = z.object({
  ...RecordBase,
  issueId: IdSchema,
  seq: z.number().int().nonnegative(),
  kind: z.enum(ISSUE_EVENT_KINDS),
  fromStatus: z.enum(ISSUE_STATUSES).nullable(),
  toStatus: z.enum(ISSUE_STATUSES),
  actorName: z.string().min(1).max(50),
  at: InstantSchema,
  note: z.string().max(5000),
  evidencePhotoSha256: z.array(Sha256Schema),
  newDeadline: LocalDateSchema.nullable(),
  prevHash: Sha256Schema.nullable(),
  /**
   * At a join only: the other entries this one follows (steps taken apart on other laptops), sorted.
   * Absent on every other entry, so histories written before joins existed hash as they did.
   */
  joins: z.array(Sha256Schema).min(1).max(64).optional(),
  hash: Sha256Schema,
});
export type IssueEvent = z.infer<typeof IssueEventSchema>;

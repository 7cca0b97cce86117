// 目标任务: the targets the office sets for a year, against which the dashboard judges the projects —
// rules such as "年底前完成投资额的60%以上，竣工面积不少于50%" and "5月底前所有项目开工".
import { z } from 'zod';
import { LocalDateSchema, RecordBase } from './common';

/** A share as a fraction, 0.6 for 60%. */
const Share = z.number().min(0).max(1);

export const TargetsSchema = z
  .object({
    ...RecordBase,
    year: z.number().int().min(2000).max(2100),
    /** 年度投资完成率 to reach by the year's end: completed this year / annual plan. */
    annualInvestmentShare: Share,
    /** 竣工面积比例: completed floor area / planned floor area. */
    completedAreaShare: Share,
    /** 开工率 to reach by `startBy`: of the projects planned to start by then, those started. */
    startRate: Share,
    startBy: LocalDateSchema,
    /** 资金到位率: funds arrived / funds committed. */
    fundingArrivalShare: Share,
  })
  .refine((t) => t.startBy.startsWith(`${t.year}-`), {
    path: ['startBy'],
    message: 'the start date must fall in the target year',
  });
export type Targets = z.infer<typeof TargetsSchema>;

export type TargetValues = Omit<Targets, 'id' | 'createdAt' | 'updatedAt' | 'year'>;

/**
 * What the dashboard judges by until the office sets its own: the figures of the speeches (60% of the
 * annual investment and half the floor area by the year's end, every project started by the end of
 * May, the funds "按时到位" — all of them).
 */
export const defaultTargetValues = (year: number): TargetValues => ({
  annualInvestmentShare: 0.6,
  completedAreaShare: 0.5,
  startRate: 1,
  startBy: `${year}-05-31`,
  fundingArrivalShare: 1,
});

/**
 * The id of a year's targets: the same on every device, so that two offices setting the same year's
 * targets edit one record whose fields merge, rather than making two that compete. It is a well-formed
 * UUIDv7 whose time is the first instant of the year (UTC) and whose other bits are zero.
 */
export function targetsIdOf(year: number): string {
  const hex = Date.UTC(year, 0, 1).toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

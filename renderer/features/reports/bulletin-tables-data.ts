// The bulletin's tables as plain rows for its spreadsheet (excel/bulletin-tables.ts): the same figures
// the PDF prints, so the two never disagree.
import type { RectificationFigure } from '../../../shared/figures/rectification';
import type { BulletinFigures } from '../../../shared/reports/bulletin-figures';
import type { BulletinTables } from './excel';

const row = (name: string, f: RectificationFigure) => ({
  name,
  found: f.found,
  closed: f.rectified,
  rectificationRate: f.rectificationRate,
  onTimeRate: f.onTimeRate,
  overdue: f.overdue,
  red: f.overdue,
});

export function bulletinTables(
  figures: BulletinFigures,
  names: {
    regions: ReadonlyMap<string, string>;
    units: ReadonlyMap<string, string>;
    projects: ReadonlyMap<string, string>;
  },
  period: { from: string; to: string },
  areaName: string,
  rankingRule: string,
): BulletinTables {
  return {
    period,
    regionName: areaName,
    byArea: [...figures.figures.byCounty].map(([id, f]) => row(names.regions.get(id) ?? id, f)),
    byUnit: [...figures.figures.byUnit].map(([id, f]) => row(names.units.get(id) ?? id, f)),
    ranking: figures.ranking
      .filter((r) => r.rank !== null)
      .map((r) => ({
        rank: r.rank as number,
        name: names.regions.get(r.key) ?? r.key,
        score: r.figure.rectificationRate,
      })),
    rankingRule,
    overdue: figures.overdue.map(({ issue, daysOverdue }) => ({
      project: names.projects.get(issue.projectId) ?? '',
      title: issue.title,
      unit: issue.responsibleUnitIds.map((u) => names.units.get(u) ?? u).join('、'),
      deadline: issue.deadline,
      daysOverdue,
    })),
  };
}

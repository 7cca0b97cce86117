// The bulletin's words and orders, as both its PDF (Bulletin.tsx) and its Word file
// (word/bulletin-docx.ts) print them: one source, so the two never say different things.
import type { TFunction } from 'i18next';
import type { Issue } from '../../../../shared/domain/issue';
import type { BulletinFigures } from '../../../../shared/reports/bulletin-figures';
import { chineseDate, percent } from './parts';

/** An issue's responsible units by name, 、-separated. */
export const unitsOf = (issue: Issue, names: ReadonlyMap<string, string>): string =>
  issue.responsibleUnitIds.map((u) => names.get(u) ?? u).join('、');

/** A county's place in the ranking: 第 n 名, 并列第 n, or not ranked. */
export function rankTextOf(figures: BulletinFigures, t: TFunction): (key: string) => string {
  const rankOf = new Map(figures.ranking.map((r) => [r.key, r]));
  return (key) => {
    const r = rankOf.get(key);
    if (!r || r.rank === null) return t('dashboard.rank.none');
    return r.tied ? t('dashboard.rank.tied', { rank: r.rank }) : t('dashboard.rank.nth', { rank: r.rank });
  };
}

/** The units, most overdue first, then most found. */
export const unitsByOverdue = (figures: BulletinFigures) =>
  [...figures.figures.byUnit].sort((a, b) => b[1].overdue - a[1].overdue || b[1].found - a[1].found);

/** A period with no visit and no problem found: the bulletin says so instead of empty tables. */
export const isEmptyPeriod = (figures: BulletinFigures, visits: number): boolean =>
  figures.foundInPeriod === 0 && visits === 0;

interface SummaryModel {
  readonly from: string;
  readonly to: string;
  readonly areaName: string;
  readonly visits: number;
  readonly projects: number;
  readonly figures: BulletinFigures;
}

/** 一、督查概况's paragraph: the period, the visits, and the figures in one sentence. */
export function summaryText(model: SummaryModel, t: TFunction): string {
  const { figures } = model;
  const total = figures.figures.total;
  return t('reports.bulletin.summary', {
    from: chineseDate(model.from),
    to: chineseDate(model.to),
    area: model.areaName,
    visits: model.visits,
    projects: model.projects,
    found: total.found,
    rectified: total.rectified,
    rate: percent(total.rectificationRate),
    onTime: percent(total.onTimeRate),
    overdue: figures.overdue.length,
  });
}

/** A county's place among all, when the bulletin is a county's; null for the whole city. */
export function placeText(model: SummaryModel, t: TFunction): string | null {
  const place = model.figures.place;
  if (!place) return null;
  return t(place.tied ? 'reports.bulletin.placeTied' : 'reports.bulletin.place', {
    area: model.areaName,
    of: place.of,
    rank: place.rank,
  });
}

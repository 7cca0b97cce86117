// The series of 累计完成投资 reported at a project's visits, for the small chart on the project page.
import type { Fen } from '../domain/money';
import type { Visit } from '../domain/visit';

export interface InvestmentPoint {
  date: string;
  reportedInvestment: Fen;
}

type VisitFigures = Pick<Visit, 'date' | 'reportedInvestment'> &
  Partial<Pick<Visit, 'startTime' | 'createdAt'>>;

/**
 * One point per visit date that reported an amount, oldest first. When two visits on one day both
 * report, the later visit of the day (by start time, then creation) gives the day's figure, so
 * the chart never draws two values over one date.
 */
export function investmentTrend(visits: readonly VisitFigures[]): InvestmentPoint[] {
  const later = (v: VisitFigures) => `${v.date} ${v.startTime ?? ''} ${v.createdAt ?? ''}`;
  const byDate = new Map<string, InvestmentPoint>();
  for (const visit of [...visits].sort((a, b) => later(a).localeCompare(later(b)))) {
    if (visit.reportedInvestment === null) continue;
    byDate.set(visit.date, { date: visit.date, reportedInvestment: visit.reportedInvestment });
  }
  return [...byDate.values()];
}

// 资金到位率: how much of the money promised to a project has arrived, overall and per source.
import { type Fen, ratio, sumFen } from '../domain/money';
import { FUNDING_SOURCES, type FundingLine, type Project } from '../domain/project';

export type FundingSource = (typeof FUNDING_SOURCES)[number];

export interface FundingSourceFigure {
  source: FundingSource;
  committed: Fen;
  arrived: Fen;
  /** arrived / committed; null when nothing was committed from this source. */
  rate: number | null;
}

/** Funds committed to and arrived at a project, over all sources. */
export function fundingTotals(project: Pick<Project, 'funding'>): { committed: Fen; arrived: Fen } {
  return {
    committed: sumFen(project.funding.map((l) => l.committed)),
    arrived: sumFen(project.funding.map((l) => l.arrived)),
  };
}

/** Funds arrived / funds committed over all sources, as a fraction; null when nothing is committed. */
export function fundingArrivalRate(project: Pick<Project, 'funding'>): number | null {
  const { committed, arrived } = fundingTotals(project);
  return ratio(arrived, committed);
}

/**
 * One figure per source the project has, in the ledger's order of sources (中央, 省, 市, 县配套, 贷款,
 * 社会资本). Several lines of one source (two tranches of a central subsidy) are added together.
 */
export function fundingBySource(project: Pick<Project, 'funding'>): FundingSourceFigure[] {
  const bySource = new Map<FundingSource, FundingLine[]>();
  for (const line of project.funding) bySource.set(line.source, [...(bySource.get(line.source) ?? []), line]);
  return FUNDING_SOURCES.flatMap((source) => {
    const lines = bySource.get(source);
    if (!lines) return [];
    const committed = sumFen(lines.map((l) => l.committed));
    const arrived = sumFen(lines.map((l) => l.arrived));
    return [{ source, committed, arrived, rate: ratio(arrived, committed) }];
  });
}

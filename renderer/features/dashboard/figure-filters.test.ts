import { beforeAll, describe, expect, it } from 'vitest';
import { issueFigures, type IssueFigures } from '../../../shared/figures/issue-figures';
import { regionsOfCounties } from '../../../shared/figures/counties';
import type { Issue } from '../../../shared/domain/issue';
import { filterFromParams, issueListPath } from '../../../shared/issues/filter-params';
import { type IssueFilter, passesFilter } from '../../../shared/issues/issue-filter';
import { type Campaign, generateCampaign } from '../../../shared/sample/campaign';
import { filterOf, RECTIFICATION_COLUMNS, type RectificationColumn, trendFilterOf } from './figure-filters';

const TODAY = '2026-03-10';
const ZONE = 'Asia/Shanghai';

/** What the list shows for the address a figure links to. */
function listed(issues: readonly Issue[], filter: IssueFilter): number {
  const address = issueListPath(filter);
  const parsed = filterFromParams(new URLSearchParams(address.split('?')[1] ?? ''));
  return issues.filter((i) => passesFilter(i, parsed, TODAY, ZONE)).length;
}

const counted = (f: IssueFigures['total'], column: RectificationColumn): number =>
  column === 'rate' ? f.rectified : column === 'onTimeRate' ? f.closedOnTime : f[column];

describe('the lists behind the figures, through the address', () => {
  let campaign: Campaign;
  let figures: IssueFigures;
  beforeAll(async () => {
    campaign = await generateCampaign({ today: TODAY, scale: { photos: 0, issues: 400 } });
    figures = issueFigures(campaign.issues, campaign.regions, { today: TODAY, timeZone: ZONE });
  }, 60_000);

  it('show as many issues as each county’s and unit’s figures say', () => {
    const counties = regionsOfCounties(campaign.regions);
    let nonZero = 0;
    for (const [countyId, regionIds] of counties) {
      const figure = figures.byCounty.get(countyId);
      if (!figure) throw new Error(`no figures for ${countyId}`);
      for (const column of RECTIFICATION_COLUMNS) {
        const n = counted(figure, column);
        if (n > 0) nonZero += 1;
        expect(listed(campaign.issues, filterOf(column, { regionIds })), `${countyId} ${column}`).toBe(n);
      }
    }
    for (const [unitId, figure] of figures.byUnit)
      for (const column of RECTIFICATION_COLUMNS)
        expect(listed(campaign.issues, filterOf(column, { unitId })), `${unitId} ${column}`).toBe(
          counted(figure, column),
        );
    for (const column of RECTIFICATION_COLUMNS)
      expect(listed(campaign.issues, filterOf(column, {}))).toBe(counted(figures.total, column));
    // The sample has something in most cells, so the comparison is not between zeros.
    expect(nonZero).toBeGreaterThan(20);
  });

  it('show the issues found and closed in each month of the trend', () => {
    for (const month of figures.trend) {
      expect(listed(campaign.issues, trendFilterOf(month, 'found')), month.month).toBe(month.found);
      expect(listed(campaign.issues, trendFilterOf(month, 'closed')), month.month).toBe(month.closed);
    }
    expect(figures.trend.reduce((s, m) => s + m.found + m.closed, 0)).toBeGreaterThan(0);
  });
});

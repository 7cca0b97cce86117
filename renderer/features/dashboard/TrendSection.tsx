// 问题趋势: issues found and closed per month, as lines and as a table of the same figures (the
// table is the chart's text version); a point or a figure opens the issues of that month.
import { Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TrendMonth } from '../../../shared/figures/issue-trend';
import { issueListPath } from '../../../shared/issues/filter-params';
import { SERIES_COLOURS } from './chart-colours';
import type { ChartOption } from './echarts';
import { type ChartPoint, EChart } from './EChart';
import { FigureLink } from './FigureLink';
import { trendFilterOf } from './figure-filters';

const SERIES = ['found', 'closed'] as const;

export function TrendSection({ trend }: { trend: TrendMonth[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 36, bottom: 8 },
      xAxis: { type: 'category', data: trend.map((m) => m.month), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: SERIES.map((series) => ({
        type: 'line' as const,
        name: t(`dashboard.chart.${series}`),
        itemStyle: { color: SERIES_COLOURS[series] },
        symbolSize: 8,
        data: trend.map((m) => m[series]),
      })),
    }),
    [trend, t],
  );
  const onPick = useMemo(
    () =>
      ({ seriesIndex, dataIndex }: ChartPoint) => {
        const series = SERIES[seriesIndex];
        const month = trend[dataIndex];
        if (series && month) void navigate(issueListPath(trendFilterOf(month, series)));
      },
    [trend, navigate],
  );
  const label = t('dashboard.chart.trend', {
    items: trend
      .map((m) => t('dashboard.chart.trendItem', { month: m.month, found: m.found, closed: m.closed }))
      .join(t('dashboard.chart.separator')),
  });
  return (
    <>
      <EChart option={option} label={label} onPick={onPick} height={260} testId="trend-chart" />
      <Table<{ series: (typeof SERIES)[number] }>
        rowKey="series"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        aria-label={t('dashboard.sections.trend')}
        dataSource={SERIES.map((series) => ({ series }))}
        columns={[
          {
            title: t('dashboard.trendRows.month'),
            key: 'series',
            fixed: 'left',
            render: (_: unknown, { series }) => t(`dashboard.trendRows.${series}`),
          },
          ...trend.map((m) => ({
            title: m.month.slice(2).replace('-', '/'),
            key: m.month,
            align: 'right' as const,
            render: (_: unknown, { series }: { series: (typeof SERIES)[number] }) => (
              <FigureLink
                to={issueListPath(trendFilterOf(m, series))}
                label={t('dashboard.figureLabel', {
                  name: m.month,
                  figure: t(`dashboard.trendRows.${series}`),
                  value: m[series],
                })}
                testId={`trend-${m.month}-${series}`}
              >
                {m[series]}
              </FigureLink>
            ),
          })),
        ]}
      />
    </>
  );
}

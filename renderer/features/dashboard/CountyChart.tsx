// Bars of found, rectified and overdue issues per county; a bar opens the issues it counts.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { issueListPath } from '../../../shared/issues/filter-params';
import { SERIES_COLOURS } from './chart-colours';
import type { ChartOption } from './echarts';
import { type ChartPoint, EChart } from './EChart';
import { filterOf } from './figure-filters';
import type { FigureRow } from './RectificationTable';

const SERIES = ['found', 'rectified', 'overdue'] as const;

export function CountyChart({ rows }: { rows: FigureRow[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.name),
        axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: SERIES.map((series) => ({
        type: 'bar' as const,
        name: t(`dashboard.chart.${series}`),
        itemStyle: { color: SERIES_COLOURS[series] },
        data: rows.map((r) => r.figure[series]),
      })),
    }),
    [rows, t],
  );
  const onPick = useMemo(
    () =>
      ({ seriesIndex, dataIndex }: ChartPoint) => {
        const series = SERIES[seriesIndex];
        const row = rows[dataIndex];
        if (series && row) void navigate(issueListPath(filterOf(series, row.group)));
      },
    [rows, navigate],
  );
  const label = t('dashboard.chart.counties', {
    items: rows
      .map((r) => {
        const { found, rectified, overdue } = r.figure;
        return t('dashboard.chart.countyItem', { name: r.name, found, rectified, overdue });
      })
      .join(t('dashboard.chart.separator')),
  });
  return <EChart option={option} label={label} onPick={onPick} height={300} testId="county-chart" />;
}

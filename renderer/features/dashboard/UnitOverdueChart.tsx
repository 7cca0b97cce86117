// Horizontal bars of the responsible units with the most overdue issues (red cards); a bar opens them.
import { Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { issueListPath } from '../../../shared/issues/filter-params';
import { SERIES_COLOURS } from './chart-colours';
import type { ChartOption } from './echarts';
import { type ChartPoint, EChart } from './EChart';
import { filterOf } from './figure-filters';
import type { FigureRow } from './RectificationTable';

const SHOWN = 10;

export function UnitOverdueChart({ units }: { units: FigureRow[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Most overdue at the top: ECharts draws a category axis bottom-up, so the list is reversed.
  const worst = useMemo(
    () =>
      units
        .filter((u) => u.figure.overdue > 0)
        .sort((a, b) => b.figure.overdue - a.figure.overdue || a.name.localeCompare(b.name, 'zh-CN'))
        .slice(0, SHOWN)
        .reverse(),
    [units],
  );
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: worst.map((u) => u.name) },
      series: [
        {
          type: 'bar',
          name: t('dashboard.chart.overdue'),
          itemStyle: { color: SERIES_COLOURS.overdue },
          label: { show: true, position: 'right' },
          data: worst.map((u) => u.figure.overdue),
        },
      ],
    }),
    [worst, t],
  );
  const onPick = useMemo(
    () =>
      ({ dataIndex }: ChartPoint) => {
        const unit = worst[dataIndex];
        if (unit) void navigate(issueListPath(filterOf('overdue', unit.group)));
      },
    [worst, navigate],
  );
  if (worst.length === 0)
    return <Typography.Text type="secondary">{t('dashboard.chart.noOverdue')}</Typography.Text>;
  const label = t('dashboard.chart.units', {
    items: [...worst]
      .reverse()
      .map((u) => t('dashboard.chart.unitItem', { name: u.name, overdue: u.figure.overdue }))
      .join(t('dashboard.chart.separator')),
  });
  return (
    <EChart
      option={option}
      label={label}
      onPick={onPick}
      height={40 + worst.length * 28}
      testId="unit-chart"
    />
  );
}

// 排名: the counties in rank order under the rule that ranks them, written out above the table.
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Ranked, rankCounties } from '../../../shared/figures/ranking';
import type { RectificationColumn } from './figure-filters';
import { type FigureRow, RectificationFigureLink } from './RectificationTable';

const SHOWN: readonly RectificationColumn[] = ['rate', 'onTimeRate', 'overdue', 'found', 'rectified'];

export function RankingTable({ counties }: { counties: FigureRow[] }) {
  const { t } = useTranslation();
  const ranking = rankCounties(counties.map((row) => ({ key: row, figure: row.figure })));
  const rankText = (r: Ranked<FigureRow>) =>
    r.rank === null
      ? t('dashboard.rank.none')
      : t(r.tied ? 'dashboard.rank.tied' : 'dashboard.rank.nth', { rank: r.rank });
  return (
    <>
      <Typography.Paragraph data-testid="ranking-rule">{t('dashboard.rankingRule')}</Typography.Paragraph>
      <Table<Ranked<FigureRow>>
        rowKey={(r) => r.key.key}
        size="small"
        pagination={false}
        aria-label={t('dashboard.sections.ranking')}
        dataSource={ranking}
        columns={[
          {
            title: t('dashboard.columns.rank'),
            key: 'rank',
            width: 100,
            render: (_: unknown, r) => <span data-testid={`rank-${r.key.key}`}>{rankText(r)}</span>,
          },
          { title: t('dashboard.columns.county'), key: 'county', render: (_: unknown, r) => r.key.name },
          ...SHOWN.map((column) => ({
            title: t(`dashboard.columns.${column}`),
            key: column,
            align: 'right' as const,
            render: (_: unknown, r: Ranked<FigureRow>) => (
              <RectificationFigureLink row={r.key} column={column} testPrefix="ranking" />
            ),
          })),
        ]}
      />
    </>
  );
}

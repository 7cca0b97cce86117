// The rectification figures of a set of groups (counties or responsible units) with their total: one row
// per group, every figure a link to the issues it counts.
import { Table, type TableColumnType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RectificationFigure } from '../../../shared/figures/rectification';
import { issueListPath } from '../../../shared/issues/filter-params';
import type { IssueFilter } from '../../../shared/issues/issue-filter';
import { filterOf, RECTIFICATION_COLUMNS, type RectificationColumn } from './figure-filters';
import { FigureLink } from './FigureLink';
import { formatRate } from './format';

export interface FigureRow {
  key: string;
  name: string;
  figure: RectificationFigure;
  /** The issues of the group: the list every figure of the row narrows. */
  group: IssueFilter;
}

const valueOf = (f: RectificationFigure, column: RectificationColumn): number | null =>
  column === 'rate' ? f.rectificationRate : column === 'onTimeRate' ? f.onTimeRate : f[column];

const shown = (f: RectificationFigure, column: RectificationColumn): string => {
  const value = valueOf(f, column);
  return column === 'rate' || column === 'onTimeRate' ? formatRate(value) : String(value);
};

/** One figure of a row as a link; red when it counts overdue issues. */
export function RectificationFigureLink({
  row,
  column,
  testPrefix = 'figure',
}: {
  row: FigureRow;
  column: RectificationColumn;
  /** Test ids are `<prefix>-<group>-<column>`: figure-… in the tables, ranking-… in the ranking. */
  testPrefix?: string;
}) {
  const { t } = useTranslation();
  const value = shown(row.figure, column);
  const alarming = column === 'overdue' && row.figure.overdue > 0;
  return (
    <FigureLink
      to={issueListPath(filterOf(column, row.group))}
      label={t('dashboard.figureLabel', {
        name: row.name,
        figure: t(`dashboard.columns.${column}`),
        value,
      })}
      testId={`${testPrefix}-${row.key}-${column}`}
      style={alarming ? { color: '#cf1322', fontWeight: 600 } : undefined}
    >
      {value}
    </FigureLink>
  );
}

export function RectificationTable(props: {
  rows: FigureRow[];
  total: FigureRow;
  nameTitle: string;
  label: string;
  /** Let the user sort the rows by a figure (the unit table, which is long). */
  sortable?: boolean;
  scrollY?: number;
}) {
  const { t } = useTranslation();
  const figureColumns: TableColumnType<FigureRow>[] = RECTIFICATION_COLUMNS.map((column) => ({
    title: t(`dashboard.columns.${column}`),
    key: column,
    align: 'right',
    width: column === 'dueSoon' ? 130 : 110,
    sorter: props.sortable
      ? (a, b) => (valueOf(a.figure, column) ?? -1) - (valueOf(b.figure, column) ?? -1)
      : undefined,
    sortDirections: ['descend', 'ascend'],
    render: (_: unknown, row) => <RectificationFigureLink row={row} column={column} />,
  }));
  return (
    <Table<FigureRow>
      rowKey="key"
      size="small"
      pagination={false}
      aria-label={props.label}
      dataSource={props.rows}
      scroll={props.scrollY ? { x: 900, y: props.scrollY } : undefined}
      columns={[
        {
          title: props.nameTitle,
          dataIndex: 'name',
          key: 'name',
          width: 180,
          ellipsis: true,
          fixed: props.scrollY ? ('left' as const) : undefined,
        },
        ...figureColumns,
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t('dashboard.total')}</strong>
            </Table.Summary.Cell>
            {RECTIFICATION_COLUMNS.map((column, i) => (
              <Table.Summary.Cell key={column} index={i + 1} align="right">
                <RectificationFigureLink row={props.total} column={column} />
              </Table.Summary.Cell>
            ))}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

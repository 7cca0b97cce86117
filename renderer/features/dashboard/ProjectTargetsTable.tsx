// Per county, the project figures against the year's targets (met / not met); a figure opens the county's
// projects in the ledger, and an expanded row lists the projects below each target, each a link.
import { Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProjectFigures, TargetFigure } from '../../../shared/figures/project-figures';
import { useLedgerView } from '../projects';
import { FigureLink } from './FigureLink';
import { formatRate, formatShare } from './format';

export const MEASURES = ['investment', 'start', 'funding', 'area'] as const;
export type Measure = (typeof MEASURES)[number];

export interface ProjectRow {
  /** The county's id, or "total". */
  key: string;
  name: string;
  /** The county to filter the ledger by; null for all projects. */
  countyId: string | null;
  figures: ProjectFigures;
}

/** Opening the ledger on a county's projects: the ledger keeps its filter in its own store. */
function showInLedger(countyId: string | null) {
  const ledger = useLedgerView.getState();
  ledger.clearFilter();
  if (countyId) ledger.setFilter({ regionId: countyId });
}

function MeasureCell({ row, measure }: { row: ProjectRow; measure: Measure }) {
  const { t } = useTranslation();
  const figure: TargetFigure = row.figures[measure];
  const rate = formatRate(figure.rate);
  const verdict =
    figure.verdict === null ? t('dashboard.projects.noData') : t(`dashboard.projects.${figure.verdict}`);
  return (
    <Space size={4} wrap data-testid={`target-${row.key}-${measure}`}>
      <FigureLink
        to="/projects"
        label={t('dashboard.figureLabel', {
          name: row.name,
          figure: t(`dashboard.projects.columns.${measure}`),
          value: `${rate} ${verdict}`,
        })}
        testId={`target-${row.key}-${measure}-rate`}
        onClick={() => showInLedger(row.countyId)}
      >
        {rate}
      </FigureLink>
      {figure.verdict && (
        <Tag
          color={figure.verdict === 'met' ? 'green' : 'red'}
          data-testid={`target-${row.key}-${measure}-verdict`}
        >
          {verdict}
        </Tag>
      )}
      {measure === 'start' && row.figures.start.planned > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.projects.startDetail', {
            planned: row.figures.start.planned,
            started: row.figures.start.started,
          })}
        </Typography.Text>
      )}
    </Space>
  );
}

function BelowTarget({ row, projectNames }: { row: ProjectRow; projectNames: Map<string, string> }) {
  const { t } = useTranslation();
  const measures = MEASURES.filter((m) => row.figures[m].below.length > 0);
  if (measures.length === 0)
    return <Typography.Text type="secondary">{t('dashboard.projects.belowNone')}</Typography.Text>;
  return (
    <Space direction="vertical" size={2} data-testid={`below-${row.key}`}>
      <Typography.Text strong>{t('dashboard.projects.below')}</Typography.Text>
      {measures.map((m) => (
        <div key={m}>
          <Typography.Text type="secondary">{t(`dashboard.projects.columns.${m}`)}：</Typography.Text>
          {row.figures[m].below.map((id, i) => (
            <span key={id}>
              {i > 0 && '、'}
              <Link to={`/projects/${id}`}>{projectNames.get(id) ?? id}</Link>
            </span>
          ))}
        </div>
      ))}
    </Space>
  );
}

export function ProjectTargetsTable(props: {
  rows: ProjectRow[];
  total: ProjectRow;
  projectNames: Map<string, string>;
  label: string;
}) {
  const { t } = useTranslation();
  const { total } = props;
  const targetOf = (m: Measure) => formatShare(total.figures[m].target);
  return (
    <Table<ProjectRow>
      rowKey="key"
      size="small"
      pagination={false}
      aria-label={props.label}
      dataSource={[...props.rows, total]}
      expandable={{
        expandedRowRender: (row) => <BelowTarget row={row} projectNames={props.projectNames} />,
        rowExpandable: (row) => row.figures.projects > 0,
      }}
      columns={[
        {
          title: t('dashboard.projects.columns.county'),
          key: 'county',
          render: (_: unknown, row) => (row.key === 'total' ? <strong>{row.name}</strong> : row.name),
        },
        {
          title: t('dashboard.projects.columns.projects'),
          key: 'projects',
          align: 'right',
          width: 80,
          render: (_: unknown, row) => row.figures.projects,
        },
        ...MEASURES.map((measure) => ({
          title: t('dashboard.projects.withTarget', {
            measure: t(`dashboard.projects.columns.${measure}`),
            target: targetOf(measure),
          }),
          key: measure,
          render: (_: unknown, row: ProjectRow) => <MeasureCell row={row} measure={measure} />,
        })),
      ]}
    />
  );
}

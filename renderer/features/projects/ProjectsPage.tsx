// The project ledger (项目台账): search, filter, sort, open a project, add one.
import { PlusOutlined } from '../../ui/icons';
import { Button, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ratio, formatWan } from '../../../shared/domain/money';
import { PROJECT_CATEGORIES, PROJECT_PHASES, type Project } from '../../../shared/domain/project';
import { useOrganization, useProjects } from '../../db';
import { filterProjects, type SortKey, sortProjects } from './ledger/ledger-query';
import { type VirtualColumn, VirtualTable } from '../../ui/virtual-table/VirtualTable';
import { LedgerToolbar } from './ledger/LedgerToolbar';
import { useLedgerView } from './ledger/ledger-view-store';
import { formatPercent } from './format';
import { LedgerExcelButtons } from './LedgerExcelButtons';
import { ReadAction } from '../../ui/ReadAction';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

export function ProjectsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const projects = useProjects();
  const organization = useOrganization();
  const { filter, sort, setSort } = useLedgerView();

  // Sorted once for each order, then filtered (which keeps the order): a filter change does not sort.
  const regionNames = sort.key === 'region' ? organization?.regionNames : undefined;
  const sorted = useMemo(
    () => (projects ? sortProjects(projects, sort, regionNames ?? NO_NAMES) : []),
    [projects, sort, regionNames],
  );
  const regions = organization?.regions;
  const rows = useMemo(() => filterProjects(sorted, filter, regions ?? []), [sorted, filter, regions]);

  // Each row shows a category and a phase: translate the few names once, not in every cell of every render.
  const labels = useMemo(
    () => ({
      category: new Map(PROJECT_CATEGORIES.map((c) => [c, t(`category.${c}`)])),
      phase: new Map(PROJECT_PHASES.map((p) => [p, t(`phase.${p}`)])),
    }),
    [t],
  );

  const money = (
    key: 'totalInvestment' | 'annualPlan' | 'completedThisYear',
  ): VirtualColumn<Project, SortKey> => ({
    key,
    title: t(`projects.columns.${key}`),
    width: 110,
    align: 'right',
    sortKey: key,
    render: (p) => formatWan(p[key], 2),
  });

  const columns: VirtualColumn<Project, SortKey>[] = [
    { key: 'name', title: t('projects.columns.name'), width: 'flex', sortKey: 'name', render: (p) => p.name },
    {
      key: 'category',
      title: t('projects.columns.category'),
      width: 100,
      render: (p) => labels.category.get(p.category),
    },
    {
      key: 'region',
      title: t('projects.columns.region'),
      width: 130,
      sortKey: 'region',
      render: (p) => organization?.regionNames.get(p.regionId) ?? '',
    },
    {
      key: 'phase',
      title: t('projects.columns.phase'),
      width: 90,
      dropOrder: 1,
      render: (p) => labels.phase.get(p.phase),
    },
    money('totalInvestment'),
    money('annualPlan'),
    money('completedThisYear'),
    {
      key: 'annualRate',
      title: t('projects.columns.annualRate'),
      width: 100,
      align: 'right',
      sortKey: 'annualRate',
      render: (p) => formatPercent(ratio(p.completedThisYear, p.annualPlan)),
    },
  ];

  const loading = projects === undefined;
  const filtered = !loading && rows.length !== projects.length;
  return (
    <section aria-labelledby="projects-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="center">
        <Typography.Title level={3} id="projects-title">
          {t('projects.title')}
        </Typography.Title>
        <Space>
          <LedgerExcelButtons rows={rows} organization={organization} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/projects/new')}>
            {t('projects.new')}
          </Button>
        </Space>
      </Space>
      <ReadAction>
        <LedgerToolbar organization={organization} />
      </ReadAction>
      <Typography.Paragraph type="secondary" data-testid="project-count">
        {loading
          ? t('app.loading')
          : filtered
            ? t('projects.countFiltered', { count: rows.length, total: projects.length })
            : t('projects.count', { count: projects.length })}
      </Typography.Paragraph>
      <VirtualTable<Project, SortKey>
        label={t('projects.title')}
        rows={rows}
        columns={columns}
        sort={sort}
        onSort={setSort}
        onOpen={(p) => void navigate(`/projects/${p.id}`)}
        loading={loading}
        emptyText={filtered ? t('projects.noMatch') : t('projects.empty')}
        height={560}
      />
    </section>
  );
}

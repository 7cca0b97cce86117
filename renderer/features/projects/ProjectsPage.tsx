// The project ledger (项目台账). Filters, search, detail and editing come with field capture.
import { Empty, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { formatWan } from '../../../shared/domain/money';
import type { Project } from '../../../shared/domain/project';
import { useNames, useProjects } from '../../db';

export function ProjectsPage() {
  const { t } = useTranslation();
  const projects = useProjects();
  const names = useNames();

  const money = (key: 'totalInvestment' | 'annualPlan' | 'completedThisYear') => ({
    title: t(`projects.columns.${key}`),
    dataIndex: key,
    align: 'right' as const,
    width: 130,
    sorter: (a: Project, b: Project) => a[key] - b[key],
    render: (value: Project[typeof key]) => formatWan(value, 2),
  });

  const columns: ColumnsType<Project> = [
    {
      title: t('projects.columns.name'),
      dataIndex: 'name',
      ellipsis: true,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    {
      title: t('projects.columns.category'),
      dataIndex: 'category',
      width: 120,
      render: (c: Project['category']) => t(`category.${c}`),
    },
    {
      title: t('projects.columns.region'),
      dataIndex: 'regionId',
      width: 150,
      render: (id: string) => names?.regions.get(id) ?? '',
    },
    {
      title: t('projects.columns.phase'),
      dataIndex: 'phase',
      width: 100,
      render: (p: Project['phase']) => t(`phase.${p}`),
    },
    money('totalInvestment'),
    money('annualPlan'),
    money('completedThisYear'),
  ];

  return (
    <section aria-labelledby="projects-title">
      <Typography.Title level={3} id="projects-title">
        {t('projects.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" data-testid="project-count">
        {t('projects.count', { count: projects?.length ?? 0 })}
      </Typography.Paragraph>
      <Table<Project>
        rowKey="id"
        size="middle"
        loading={projects === undefined}
        dataSource={projects}
        columns={columns}
        pagination={false}
        // Not antd's virtual mode: its rows lose their table roles for screen readers. The ledger at
        // thousands of projects gets an accessible virtualized list with the field-capture work.
        scroll={{ x: 1000 }}
        locale={{ emptyText: <Empty description={t('projects.empty')} /> }}
      />
    </section>
  );
}

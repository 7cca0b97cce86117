// One project with every field of the ledger, its figures, milestone lags (倒排工期), funding and
// the investment reported over successive visits.
import { ArrowLeftOutlined, EditOutlined } from '../../../ui/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Progress,
  Row,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { RecordConflicts } from '../../sync';
import { useNavigate, useParams } from 'react-router';
import { formatWan, sumFen } from '../../../../shared/domain/money';
import type { Milestone, Project } from '../../../../shared/domain/project';
import {
  annualCompletionRate,
  completedAreaRatio,
  fundingArrivalRate,
  fundingBySource,
  investmentTrend,
  laggingMilestones,
  milestoneLag,
} from '../../../../shared/figures';
import { type Organization, useOrganization, useProject, useProjectVisits } from '../../../db';
import { useToday } from '../../../stores/clock';
import { formatPercent } from '../format';
import { PhotoPanel } from '../../photos';
import { StartVisitButton } from '../../visits';
import { InvestmentChart } from './InvestmentChart';
import { ProjectIssues } from './ProjectIssues';
import { ProjectVisits } from './ProjectVisits';
import { ReadAction } from '../../../ui/ReadAction';

export function ProjectDetailPage() {
  const { id = '' } = useParams();
  const project = useProject(id);
  const organization = useOrganization();
  const { t } = useTranslation();
  if (project === undefined) return <Spin />;
  if (project === null) return <Typography.Paragraph>{t('projects.notFound')}</Typography.Paragraph>;
  return <ProjectDetail project={project} organization={organization} />;
}

function ProjectDetail({
  project,
  organization,
}: {
  project: Project;
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const visits = useProjectVisits(project.id);
  const today = useToday();
  const lagging = laggingMilestones(project, today);
  const annual = annualCompletionRate(project);
  const trend = investmentTrend(visits ?? []);
  const wan = (v: Project['totalInvestment']) => `${formatWan(v, 2)} ${t('shell.wan')}`;
  const percent = (v: number | null) => (v === null ? 0 : Math.round(v * 1000) / 10);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1200 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
        <div>
          <ReadAction>
            <Button
              type="link"
              icon={<ArrowLeftOutlined />}
              onClick={() => void navigate('/projects')}
              style={{ paddingLeft: 0 }}
            >
              {t('projects.backToLedger')}
            </Button>
          </ReadAction>
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {project.name}
          </Typography.Title>
          <Space wrap>
            <Tag>{t(`category.${project.category}`)}</Tag>
            <Tag color="blue">{t(`phase.${project.phase}`)}</Tag>
            <Tag>{organization?.regionNames.get(project.regionId) ?? ''}</Tag>
          </Space>
        </div>
        <Space>
          <StartVisitButton projectId={project.id} />
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/projects/${project.id}/edit`)}>
            {t('projects.edit')}
          </Button>
        </Space>
      </Space>
      <RecordConflicts table="projects" rowId={project.id} />

      {lagging.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="milestone-lag-warning"
          title={t('projects.detail.lagging', { count: lagging.length })}
          description={lagging
            .map((s) =>
              t('projects.detail.lagItem', {
                milestone: t(`milestone.${s.milestone.kind}`),
                days: s.lagDays,
              }),
            )
            .join('；')}
        />
      )}

      <Card title={t('projects.sections.basics')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label={t('projects.fields.owner')}>{project.owner || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('projects.fields.leader')}>
            {(project.leaderId && organization?.personNames.get(project.leaderId)) || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.fields.responsibleUnits')}>
            {project.responsibleUnitIds.map((u) => organization?.unitNames.get(u) ?? u).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('projects.fields.planYear')}>{project.planYear}</Descriptions.Item>
          <Descriptions.Item label={t('projects.sections.scale')} span={2}>
            {describeScale(project, t) || '—'}
          </Descriptions.Item>
          {project.notes && (
            <Descriptions.Item label={t('projects.fields.notes')} span={2}>
              {project.notes}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card title={t('projects.sections.investment')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('projects.fields.totalInvestment')}>
                {wan(project.totalInvestment)}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.fields.annualPlan')}>
                {wan(project.annualPlan)}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.fields.completedThisYear')}>
                {wan(project.completedThisYear)}
              </Descriptions.Item>
              <Descriptions.Item label={t('projects.fields.completedTotal')}>
                {wan(project.completedTotal)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Text>{t('projects.detail.annualRate')}</Typography.Text>
            <Progress
              percent={percent(annual)}
              format={() => formatPercent(annual)}
              aria-label={t('projects.detail.annualRate')}
              data-testid="annual-rate"
            />
            {completedAreaRatio(project) !== null && (
              <>
                <Typography.Text>{t('projects.detail.completedAreaRatio')}</Typography.Text>
                <Progress
                  percent={percent(completedAreaRatio(project))}
                  format={() => formatPercent(completedAreaRatio(project))}
                  aria-label={t('projects.detail.completedAreaRatio')}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('projects.sections.funding')} style={{ height: '100%' }}>
            <Table
              size="small"
              pagination={false}
              rowKey="source"
              dataSource={fundingBySource(project)}
              columns={[
                {
                  title: t('projects.fields.fundingSource'),
                  dataIndex: 'source',
                  render: (s: string) => t(`funding.${s}`),
                },
                {
                  title: t('projects.fields.committed'),
                  dataIndex: 'committed',
                  align: 'right',
                  render: (v: Project['totalInvestment']) => formatWan(v, 2),
                },
                {
                  title: t('projects.fields.arrived'),
                  dataIndex: 'arrived',
                  align: 'right',
                  render: (v: Project['totalInvestment']) => formatWan(v, 2),
                },
                {
                  title: t('projects.detail.arrivalRate'),
                  dataIndex: 'rate',
                  align: 'right',
                  render: (r: number | null) => formatPercent(r),
                },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('projects.detail.total')}</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {formatWan(sumFen(project.funding.map((f) => f.committed)), 2)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {formatWan(sumFen(project.funding.map((f) => f.arrived)), 2)}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <span data-testid="funding-rate">{formatPercent(fundingArrivalRate(project))}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
          </Card>
        </Col>
      </Row>

      <Card title={t('projects.sections.milestones')}>
        <Table<Milestone>
          size="small"
          pagination={false}
          rowKey="kind"
          dataSource={project.milestones}
          columns={[
            {
              title: t('projects.fields.milestone'),
              dataIndex: 'kind',
              render: (k: Milestone['kind']) => t(`milestone.${k}`),
            },
            {
              title: t('projects.fields.planned'),
              dataIndex: 'planned',
              render: (d: string | null) => d ?? '—',
            },
            {
              title: t('projects.fields.actual'),
              dataIndex: 'actual',
              render: (d: string | null) => d ?? '—',
            },
            {
              title: t('projects.detail.lag'),
              key: 'lag',
              render: (_, m) => <LagTag milestone={m} today={today} />,
            },
          ]}
        />
      </Card>

      <ProjectVisits visits={visits} />
      <ProjectIssues projectId={project.id} organization={organization} />

      <Card title={t('projects.detail.trend')}>
        {trend.length === 0 ? (
          <Typography.Text type="secondary">{t('projects.detail.noTrend')}</Typography.Text>
        ) : (
          <InvestmentChart points={trend} label={t('projects.detail.trend')} />
        )}
      </Card>

      <Card title={t('photos.title')}>
        <PhotoPanel link={{ projectId: project.id }} />
      </Card>
    </Space>
  );
}

function LagTag({ milestone, today }: { milestone: Milestone; today: string }) {
  const { t } = useTranslation();
  const lag = milestoneLag(milestone, today);
  if (lag === null) return <>—</>;
  if (milestone.actual === null && lag <= 0)
    return <Tag>{t('projects.detail.daysLeft', { days: -lag })}</Tag>;
  if (lag > 0) return <Tag color="red">{t('projects.detail.daysLate', { days: lag })}</Tag>;
  return <Tag color="green">{t('projects.detail.onTime')}</Tag>;
}

function describeScale(p: Project, t: TFunction): string {
  const parts: string[] = [];
  if (p.scale.areaM2 !== null)
    parts.push(`${t('projects.fields.areaM2')} ${p.scale.areaM2.toLocaleString()}`);
  if (p.scale.completedAreaM2 !== null)
    parts.push(`${t('projects.fields.completedAreaM2')} ${p.scale.completedAreaM2.toLocaleString()}`);
  if (p.scale.households !== null)
    parts.push(`${t('projects.fields.households')} ${p.scale.households.toLocaleString()}`);
  if (p.scale.capacity) parts.push(`${p.scale.capacity.value.toLocaleString()} ${p.scale.capacity.unit}`);
  if (p.scale.landMu !== null) parts.push(`${t('projects.fields.landMu')} ${p.scale.landMu}`);
  if (p.scale.description) parts.push(p.scale.description);
  return parts.join('；');
}

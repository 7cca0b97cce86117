// 统计: rectification per county and per responsible unit, the county ranking with its rule, the
// monthly trend, and the projects against the year's targets. Every figure opens the list behind it;
// the charts draw the same figures and open the same lists.
import { Card, Space, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CountyChart } from './CountyChart';
import { ProjectTargetsTable } from './ProjectTargetsTable';
import { RankingTable } from './RankingTable';
import { RectificationTable } from './RectificationTable';
import { TargetsPanel } from './TargetsPanel';
import { TrendSection } from './TrendSection';
import { UnitOverdueChart } from './UnitOverdueChart';
import { useDashboardFigures } from './use-dashboard-figures';

/** The mark the benchmark waits for: the figures are computed and on screen. */
export const FIGURES_MARK = 'ducha:dashboard-figures';

export function DashboardPage() {
  const { t } = useTranslation();
  const figures = useDashboardFigures();

  useEffect(() => {
    // After the commit that put the figures on screen.
    if (figures) performance.mark(FIGURES_MARK);
  }, [figures]);

  return (
    <div data-testid="dashboard" data-ready={figures ? 'true' : 'false'}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap align="baseline" style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dashboard.title')}
          </Typography.Title>
          {figures && (
            <Typography.Text type="secondary">{t('dashboard.asOf', { date: figures.today })}</Typography.Text>
          )}
        </Space>
        {!figures ? (
          <Spin tip={t('dashboard.loading')}>
            <div style={{ minHeight: 200 }} />
          </Spin>
        ) : (
          <>
            <Typography.Text data-testid="dashboard-summary">
              {t('dashboard.summary', {
                found: figures.total.figure.found,
                rectified: figures.total.figure.rectified,
                overdue: figures.total.figure.overdue,
              })}
            </Typography.Text>
            <Card title={t('dashboard.sections.counties')}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t('dashboard.definitions')}
                </Typography.Paragraph>
                <RectificationTable
                  rows={figures.counties}
                  total={figures.total}
                  nameTitle={t('dashboard.columns.county')}
                  label={t('dashboard.sections.counties')}
                />
                <CountyChart rows={figures.counties} />
              </Space>
            </Card>
            <Card title={t('dashboard.sections.ranking')}>
              <RankingTable counties={figures.counties} />
            </Card>
            <Card title={t('dashboard.sections.trend')}>
              <TrendSection trend={figures.trend} />
            </Card>
            <Card title={t('dashboard.sections.units')}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <RectificationTable
                  rows={figures.units}
                  total={figures.total}
                  nameTitle={t('dashboard.columns.unit')}
                  label={t('dashboard.sections.units')}
                  sortable
                  scrollY={420}
                />
                <Typography.Text strong>{t('dashboard.chart.unitsTitle')}</Typography.Text>
                <div style={{ maxWidth: 720 }}>
                  <UnitOverdueChart units={figures.units} />
                </div>
              </Space>
            </Card>
            <Card title={t('dashboard.sections.projects', { year: figures.year })}>
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <TargetsPanel targets={figures.targets} />
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {t('dashboard.projects.note')}
                </Typography.Paragraph>
                <ProjectTargetsTable
                  rows={figures.projectRows}
                  total={figures.projectTotal}
                  projectNames={figures.projectNames}
                  label={t('dashboard.sections.projects', { year: figures.year })}
                />
              </Space>
            </Card>
          </>
        )}
      </Space>
    </div>
  );
}

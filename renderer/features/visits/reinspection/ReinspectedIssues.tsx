// The issues a re-inspection visit (复查) carries, one section each.
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/domain/visit';
import type { Organization } from '../../../db';
import { ReinspectionSection } from './ReinspectionSection';

export function ReinspectedIssues({
  visit,
  organization,
}: {
  visit: Visit;
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  if (visit.reinspectedIssueIds.length === 0)
    return (
      <Card title={t('reinspection.section')}>
        <Typography.Text type="secondary">{t('reinspection.none')}</Typography.Text>
      </Card>
    );
  return (
    <section aria-label={t('reinspection.section')}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('reinspection.section')}
        </Typography.Title>
        {visit.reinspectedIssueIds.map((id) => (
          <ReinspectionSection key={id} visit={visit} issueId={id} organization={organization} />
        ))}
      </Space>
    </section>
  );
}

// 组织 / Organization: the team's own setup — its team and issuing authority, counties and towns,
// responsible units with their departments, and its people.
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PeopleSection } from './PeopleSection';
import { RegionsSection } from './RegionsSection';
import { TeamForm } from './TeamForm';
import { UnitsSection } from './UnitsSection';

export function OrganizationPage() {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      <div>
        <Typography.Title level={3}>{t('organization.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('organization.intro')}</Typography.Paragraph>
      </div>
      <Card title={t('organization.tabs.team')}>
        <TeamForm />
      </Card>
      <Card title={t('organization.tabs.regions')}>
        <RegionsSection />
      </Card>
      <Card title={t('organization.tabs.units')}>
        <UnitsSection />
      </Card>
      <Card title={t('organization.tabs.people')}>
        <PeopleSection />
      </Card>
    </Space>
  );
}

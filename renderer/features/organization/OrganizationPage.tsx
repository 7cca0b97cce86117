// 组织 / Organization: the team's own setup — its team and issuing authority, counties and towns,
// responsible units with their departments, and its people, one tab each so each fits the screen.
import { Card, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ImportListsButton } from './ImportListsButton';
import { PeopleSection } from './PeopleSection';
import { RegionsSection } from './RegionsSection';
import { TeamForm } from './TeamForm';
import { UnitsSection } from './UnitsSection';

export function OrganizationPage() {
  const { t } = useTranslation();
  return (
    <div style={{ maxWidth: 1100 }}>
      <Typography.Title level={3}>{t('organization.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('organization.intro')}</Typography.Paragraph>
      <ImportListsButton />
      <Card>
        <Tabs
          items={[
            { key: 'team', label: t('organization.tabs.team'), children: <TeamForm /> },
            { key: 'regions', label: t('organization.tabs.regions'), children: <RegionsSection /> },
            { key: 'units', label: t('organization.tabs.units'), children: <UnitsSection /> },
            { key: 'people', label: t('organization.tabs.people'), children: <PeopleSection /> },
          ]}
        />
      </Card>
    </div>
  );
}

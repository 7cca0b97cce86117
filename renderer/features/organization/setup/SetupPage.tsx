// The set-up after 从空白开始: team and numbers, counties, units (may be skipped), people and who works
// on this laptop. Each step saves as it goes with the Organization page's own sections; the page opens
// at the first step the database shows unfinished.
import { Alert, Button, Card, Space, Spin, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useOrganization, useWorkingContext } from '../../../db';
import { PeopleSection } from '../PeopleSection';
import { RegionsSection } from '../RegionsSection';
import { TeamForm } from '../TeamForm';
import { UnitsSection } from '../UnitsSection';
import { WorkingPersonSelect } from '../WorkingPersonSelect';
import { firstUnfinishedStep, SETUP_STEPS } from './setup-progress';

export function SetupPage() {
  const org = useOrganization();
  const working = useWorkingContext();
  if (!org || !working) return <Spin />;
  return <SetupSteps initial={firstUnfinishedStep(org, working) ?? SETUP_STEPS.length - 1} />;
}

function SetupSteps({ initial }: { initial: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const org = useOrganization();
  const working = useWorkingContext();
  const [current, setCurrent] = useState(initial);
  if (!org || !working) return <Spin />;

  const hasTeam = working.team !== null;
  const hasCounty = org.regions.some((r) => r.level === 'county');
  const hasPerson = org.people.length > 0 && working.person !== null;
  const step = SETUP_STEPS[current] ?? 'team';
  const blocker =
    step === 'team' && !hasTeam
      ? t('organization.setup.needTeam')
      : step === 'counties' && !hasCounty
        ? t('organization.setup.needCounty')
        : step === 'people' && !hasPerson
          ? t('organization.setup.needPerson')
          : null;
  const back = current > 0 && (
    <Button onClick={() => setCurrent(current - 1)}>{t('organization.setup.back')}</Button>
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1100 }}>
      <div>
        <Typography.Title level={3}>{t('organization.setup.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('organization.setup.intro')}</Typography.Paragraph>
      </div>
      <Steps
        current={current}
        items={SETUP_STEPS.map((s) => ({ key: s, title: t(`organization.setup.steps.${s}`) }))}
      />
      <Card title={t(`organization.setup.steps.${step}`)}>
        {step === 'team' && <TeamForm onSaved={() => setCurrent(1)} />}
        {step === 'counties' && (
          <>
            <Typography.Paragraph type="secondary">
              {t('organization.setup.countiesHint')}
            </Typography.Paragraph>
            <RegionsSection />
          </>
        )}
        {step === 'units' && (
          <>
            <Typography.Paragraph type="secondary">{t('organization.setup.unitsHint')}</Typography.Paragraph>
            <UnitsSection />
          </>
        )}
        {step === 'people' && (
          <>
            <Typography.Paragraph type="secondary">{t('organization.setup.peopleHint')}</Typography.Paragraph>
            <PeopleSection />
            <Space style={{ marginTop: 16 }}>
              <Typography.Text strong>{t('organization.setup.thisIsMe')}</Typography.Text>
              <WorkingPersonSelect width={240} label={t('organization.setup.thisIsMe')} />
            </Space>
          </>
        )}
      </Card>
      {blocker && step !== 'team' && <Alert type="info" showIcon title={blocker} />}
      <Space>
        {back}
        {step === 'units' && <Button onClick={() => setCurrent(3)}>{t('organization.setup.skip')}</Button>}
        {step !== 'people' && (
          <Button type="primary" disabled={blocker !== null} onClick={() => setCurrent(current + 1)}>
            {t('organization.setup.next')}
          </Button>
        )}
        {step === 'people' && (
          <Button type="primary" disabled={!hasPerson} onClick={() => void navigate('/projects')}>
            {t('organization.setup.finish')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

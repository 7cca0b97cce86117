// The first screen on a new computer: load the sample campaign, or start with an empty ledger.
import { DatabaseOutlined, FileAddOutlined } from '../../ui/icons';
import { Alert, Button, Card, Col, Row, Spin, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { settingsActions, useDatabase } from '../../db';
import { generateSampleCampaign } from './generate-campaign';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export function FirstRunPage() {
  const { t } = useTranslation();
  const actions = settingsActions(useDatabase());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ReactNode>(null);

  const loadSample = async () => {
    setBusy(true);
    setError(null);
    try {
      await actions.loadSampleCampaign(await generateSampleCampaign());
    } catch (e) {
      setError(errorContent(describeFailure(e, t, 'firstRun.failed')));
      setBusy(false);
    }
  };

  return (
    <main style={{ maxWidth: 880, margin: '0 auto', padding: '48px 24px' }}>
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <LanguageSwitch />
      </div>
      <Typography.Title>{t('firstRun.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('firstRun.intro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Spin spinning={busy} tip={t('firstRun.loading')}>
        <Row gutter={24}>
          <Col xs={24} md={12}>
            <Card
              title={
                <>
                  <DatabaseOutlined /> {t('firstRun.sampleTitle')}
                </>
              }
            >
              <Typography.Paragraph>{t('firstRun.sampleBody')}</Typography.Paragraph>
              <Button type="primary" size="large" onClick={() => void loadSample()} disabled={busy}>
                {t('firstRun.loadSample')}
              </Button>
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card
              title={
                <>
                  <FileAddOutlined /> {t('firstRun.emptyTitle')}
                </>
              }
            >
              <Typography.Paragraph>{t('firstRun.emptyBody')}</Typography.Paragraph>
              <Button size="large" onClick={() => void actions.startEmpty()} disabled={busy}>
                {t('firstRun.startEmpty')}
              </Button>
            </Card>
          </Col>
        </Row>
      </Spin>
    </main>
  );
}

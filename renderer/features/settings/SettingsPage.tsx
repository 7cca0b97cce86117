// Settings: language, what this computer keeps and how safely, and what is running.
import { Alert, Card, Descriptions, Radio, Select, Space, Typography } from 'antd';
import { CHINA_TIME_ZONE } from '../../../shared/domain/dates';
import { useTranslation } from 'react-i18next';
import { useChangeLanguage } from '../../ui/LanguageSwitch';
import { useDeviceNodeId } from '../../db';
import type { Language } from '../../i18n';
import { usePreferences } from '../../stores/preferences';
import { useSession } from '../../stores/session';
import { formatBytes } from '../../ui/format-bytes';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export function SettingsPage() {
  const { t } = useTranslation();
  const { language, storage, appInfo, appInfoError } = useSession();
  const change = useChangeLanguage();
  const nodeId = useDeviceNodeId();

  const persistence =
    storage.persisted === true
      ? 'persisted'
      : storage.persisted === false
        ? 'notPersisted'
        : 'persistUnknown';

  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 860 }}>
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      <Card title={t('settings.language')}>
        <Radio.Group
          aria-label={t('settings.language')}
          value={language}
          onChange={(e) => change(e.target.value as Language)}
          options={[
            { value: 'zh-CN', label: t('language.zhCN') },
            { value: 'en', label: t('language.en') },
          ]}
        />
      </Card>
      <TimeZoneCard />
      <Card title={t('settings.storage')}>
        <Alert
          data-testid="storage-persistence"
          data-persisted={String(storage.persisted)}
          type={storage.persisted ? 'success' : 'warning'}
          showIcon
          title={t(`settings.${persistence}`)}
        />
        <Typography.Paragraph style={{ marginTop: 12 }} data-testid="storage-usage">
          {storage.usage !== null && storage.quota !== null
            ? t('settings.usage', { used: formatBytes(storage.usage), quota: formatBytes(storage.quota) })
            : t('settings.usageUnknown')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('settings.about')}>
        {appInfoError && (
          <Alert
            type="error"
            showIcon
            title={errorContent(describeFailure(appInfoError.error, t, 'hostError.body'))}
          />
        )}
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('settings.version')}>{appInfo?.version ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('settings.host')}>
            {appInfo
              ? `${t(`host.${appInfo.host}`)} (${appInfo.host === 'electron' ? 'Electron' : 'Node.js'} ${appInfo.hostVersion})`
              : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.platform')}>
            {appInfo ? `${appInfo.platform} ${appInfo.arch}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.dataDir')}>
            <Typography.Text code>{appInfo?.dataDir ?? '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.device')}>
            <Typography.Text code>{nodeId ?? '—'}</Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </Space>
  );
}

/** The zones a user can choose: every zone this browser knows, China Standard Time first. */
const zones = (): string[] => {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [CHINA_TIME_ZONE, ...known.filter((z) => z !== CHINA_TIME_ZONE)];
};

function TimeZoneCard() {
  const { t } = useTranslation();
  const { timeZone, chooseTimeZone } = usePreferences();
  return (
    <Card title={t('settings.timeZone')}>
      <Typography.Paragraph type="secondary">{t('settings.timeZoneHelp')}</Typography.Paragraph>
      <Select<string>
        showSearch
        aria-label={t('settings.timeZone')}
        style={{ width: 360 }}
        value={timeZone}
        options={zones().map((zone) => ({
          value: zone,
          label: zone === CHINA_TIME_ZONE ? t('settings.timeZoneDefault') : zone,
        }))}
        onChange={chooseTimeZone}
      />
    </Card>
  );
}

// 同步: where this laptop syncs, who is signed in, and how sync stands.
import { Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncRefusals, useSyncState } from '../../db';
import { RefusalsCard } from './RefusalsCard';
import { ServerCard } from './ServerCard';
import { SignInCard } from './SignInCard';
import { StatusCard } from './StatusCard';

export function SyncPage() {
  const { t } = useTranslation();
  const state = useSyncState();
  const refusals = useSyncRefusals();
  return (
    <section aria-labelledby="section-title">
      <Typography.Title level={3} id="section-title">
        {t('sync.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('sync.intro')}
      </Typography.Paragraph>
      {state === undefined ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {/* Keyed by the enrollment so that a new one starts its form afresh. */}
          <ServerCard key={state.enrollment?.deviceId ?? 'none'} state={state} />
          <SignInCard state={state} />
          <StatusCard state={state} refused={refusals?.length ?? 0} />
          <RefusalsCard refusals={refusals ?? []} />
        </Space>
      )}
    </section>
  );
}

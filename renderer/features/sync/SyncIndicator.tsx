// The header's small sync indicator on every page: synced / n waiting / syncing / offline / problem,
// leading to the Sync page.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useReadOnly } from '../../db';
import { useSync } from '../../stores/sync';

export function SyncIndicator() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const status = useSync((s) => s.status);
  // A leader's laptop sends nothing, so what waits in its outbox never makes it "waiting".
  const readOnly = useReadOnly() === true;
  if (!status) return null;
  const [text, color] = ((): [string, string | undefined] => {
    switch (status.phase) {
      case 'notSetUp':
        return [t('sync.indicator.notSetUp'), undefined];
      case 'syncing':
        return [t('sync.indicator.syncing'), 'processing'];
      case 'offline':
        return [t('sync.indicator.offline'), 'warning'];
      case 'problem':
        return [t('sync.indicator.problem'), 'error'];
      case 'idle':
        return status.waiting > 0 && !readOnly
          ? [t('sync.indicator.waiting', { count: status.waiting }), 'gold']
          : [t('sync.indicator.synced'), 'success'];
    }
  })();
  return (
    <Tag
      color={color}
      role="link"
      tabIndex={0}
      data-testid="sync-indicator"
      aria-label={t('sync.indicator.label', { state: text })}
      style={{ cursor: 'pointer' }}
      onClick={() => void navigate('/sync')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') void navigate('/sync');
      }}
    >
      {text}
    </Tag>
  );
}

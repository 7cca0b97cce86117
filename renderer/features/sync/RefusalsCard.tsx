// The changes the server did not take, with why: kept on this laptop, never pushed again, never lost.
import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SyncRefusalRow } from '../../db';
import { useSession } from '../../stores/session';
import { formatInstant } from '../../ui/format-instant';

const KNOWN_REASONS = new Set([
  'clockAhead',
  'invalidValue',
  'unknownField',
  'otherTeam',
  'differentContent',
]);

const shown = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

export function RefusalsCard({ refusals }: { refusals: readonly SyncRefusalRow[] }) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  if (refusals.length === 0) return null;
  return (
    <Card size="small" title={t('sync.refusals.title')}>
      <Typography.Paragraph type="secondary">{t('sync.refusals.intro')}</Typography.Paragraph>
      <Table<SyncRefusalRow>
        size="small"
        rowKey={(r) => String(r.id)}
        dataSource={[...refusals]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('sync.refusals.record'),
            key: 'record',
            render: (_, r) => `${r.operation.table} ${r.operation.rowId.slice(-8)}`,
          },
          { title: t('sync.refusals.field'), key: 'field', render: (_, r) => r.operation.field },
          { title: t('sync.refusals.value'), key: 'value', render: (_, r) => shown(r.operation.value) },
          {
            title: t('sync.refusals.reason'),
            key: 'reason',
            render: (_, r) =>
              KNOWN_REASONS.has(r.reason) ? t(`sync.refusals.reasons.${r.reason}`) : r.detail,
          },
          {
            title: t('sync.refusals.when'),
            key: 'when',
            render: (_, r) => formatInstant(r.refusedAt, language),
          },
        ]}
      />
    </Card>
  );
}

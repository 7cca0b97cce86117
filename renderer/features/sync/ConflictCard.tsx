// One conflict: the record and field, the value that stands and the one that lost side by side, each
// with who set it and when, and "Keep this value" under each. Fields and values in the words the import
// preview uses (a status or a category by its name, an amount in 万元), never as stored.
import { Alert, Button, Card, Col, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Json } from '../../../shared/sync/canonical-json';
import { type ConflictSide, type SyncConflictRow, syncActions, useDatabase, useSyncState } from '../../db';
import { useSession } from '../../stores/session';
import { formatInstant } from '../../ui/format-instant';
import { fieldLabel, valueText } from '../exchange';

export function ConflictCard({ conflict }: { conflict: SyncConflictRow }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const shown = (value: Json | undefined): string =>
    value === null || value === '' || value === undefined
      ? t('sync.conflicts.empty')
      : valueText(t, exists, conflict.table, conflict.field, value);
  const db = useDatabase();
  const state = useSyncState();
  const language = useSession((s) => s.language);
  const [busy, setBusy] = useState(false);
  const [gone, setGone] = useState(false);
  const kind = t(`importPreview.tables.${conflict.table}`);
  const field = fieldLabel(t, exists, conflict.table, conflict.field);

  const keep = async (kept: 'winner' | 'loser') => {
    if (conflict.id === undefined) return;
    setBusy(true);
    try {
      await syncActions(db).decideConflict(conflict.id, kept, state?.signIn?.person.name ?? null);
    } catch {
      setGone(true);
    } finally {
      setBusy(false);
    }
  };

  const side = (which: 'winner' | 'loser', value: ConflictSide) => (
    <Card
      size="small"
      type="inner"
      data-testid={`conflict-${which}`}
      title={which === 'winner' ? t('sync.conflicts.kept') : t('sync.conflicts.other')}
    >
      <Typography.Paragraph strong style={{ whiteSpace: 'pre-wrap' }}>
        {shown(value.value)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {value.here ? t('sync.conflicts.byHere') : (value.who ?? t('sync.conflicts.byUnknown'))}
        {value.here && value.who ? ` · ${value.who}` : ''}
        {value.at ? ` · ${t('sync.conflicts.at', { at: formatInstant(value.at, language) })}` : ''}
      </Typography.Paragraph>
      {!conflict.decided && (
        <Button
          type={which === 'winner' ? 'default' : 'primary'}
          loading={busy}
          onClick={() => void keep(which)}
        >
          {t('sync.conflicts.keep')}
        </Button>
      )}
    </Card>
  );

  return (
    <Card
      size="small"
      data-testid="conflict"
      title={t('sync.conflicts.record', { kind, label: conflict.label || conflict.rowId.slice(-8) })}
      extra={<Typography.Text type="secondary">{t('sync.conflicts.field', { field })}</Typography.Text>}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {gone && <Alert type="info" showIcon title={t('sync.conflicts.gone')} />}
        {conflict.decided ? (
          <Typography.Text data-testid="conflict-decided">
            {t('sync.conflicts.decided', {
              at: formatInstant(conflict.decided.at, language),
              value: shown(conflict[conflict.decided.kept].value),
            })}
          </Typography.Text>
        ) : (
          <Row gutter={12}>
            <Col span={12}>{side('winner', conflict.winner)}</Col>
            <Col span={12}>{side('loser', conflict.loser)}</Col>
          </Row>
        )}
      </Space>
    </Card>
  );
}

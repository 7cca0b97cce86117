// What an import would do: the source and its trust, the counts, the conflicts with the side kept,
// per record what would change (shown before a laptop seen for the first time can be trusted, behind
// "Show changes" otherwise), and the Apply import button (held back until an unknown laptop is trusted).
import { Alert, Button, Checkbox, Collapse, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../../ui/format-instant';
import { useSession } from '../../../stores/session';
import { useFingerprint } from '../use-fingerprint';
import { ConflictTable } from './ConflictTable';
import { ImportChanges } from './ImportChanges';
import type { ReadyBundle } from './read-bundle';

export function ImportPreviewView({
  bundle,
  busy,
  onApply,
}: {
  bundle: ReadyBundle;
  busy: boolean;
  onApply: (trust: boolean) => void;
}) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const [trusted, setTrusted] = useState(false);
  const fingerprint = useFingerprint(bundle.manifest.source.publicKey);
  const { preview, manifest } = bundle;
  const needsTrust = bundle.trust === 'unknown';
  const nothingNew = preview.newRows + preview.changedRows === 0 && preview.newPhotos.length === 0;
  const earlier = bundle.earlier[0];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="import-preview">
      <Alert
        type="success"
        showIcon
        message={t('exchange.import.verified')}
        description={t('exchange.import.from', {
          device: manifest.source.name,
          kind: t(manifest.kind === 'full' ? 'exchange.import.kindFull' : 'exchange.import.kindIncremental'),
          created: formatInstant(manifest.createdAt, language),
        })}
      />
      {bundle.unlisted.length > 0 && (
        <Alert
          type="info"
          showIcon
          message={t('exchange.import.unlisted', { count: bundle.unlisted.length })}
        />
      )}
      <Typography.Title level={5}>{t('exchange.import.preview')}</Typography.Title>
      <Descriptions size="small" bordered column={3}>
        {(['newRows', 'changedRows', 'unchangedRows'] as const).map((key) => (
          <Descriptions.Item key={key} label={t(`exchange.import.${key}`)}>
            <span data-testid={`import-${key}`}>{preview[key]}</span>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('exchange.import.conflicts')}>
          <span data-testid="import-conflicts">{preview.conflicts.length}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.import.newPhotos')}>
          <span data-testid="import-newPhotos">{preview.newPhotos.length}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('exchange.import.knownPhotos')}>{preview.knownPhotos}</Descriptions.Item>
      </Descriptions>
      {earlier && (
        <Alert
          type="info"
          showIcon
          data-testid="import-earlier"
          message={t('exchange.import.earlier', { when: formatInstant(earlier.importedAt, language) })}
        />
      )}
      {!earlier && nothingNew && <Alert type="info" showIcon message={t('exchange.import.nothingNew')} />}
      {preview.conflicts.length > 0 && <ConflictTable conflicts={preview.conflicts} />}
      {preview.invalid.length > 0 && (
        <Alert
          type="error"
          showIcon
          message={t('exchange.import.invalid', { count: preview.invalid.length })}
        />
      )}
      {needsTrust && (
        <>
          <Typography.Paragraph strong>{t('importPreview.beforeTrust')}</Typography.Paragraph>
          <ImportChanges changes={preview.changes} />
        </>
      )}
      {!needsTrust && preview.changes.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'changes',
              label: t('importPreview.show'),
              children: <ImportChanges changes={preview.changes} />,
            },
          ]}
        />
      )}
      {needsTrust && (
        <Alert
          type="warning"
          showIcon
          message={t('exchange.import.unknownDevice', { fingerprint: fingerprint ?? '…' })}
          description={
            <Checkbox checked={trusted} onChange={(e) => setTrusted(e.target.checked)}>
              {t('exchange.import.trust')}
            </Checkbox>
          }
        />
      )}
      <Button
        type="primary"
        loading={busy}
        disabled={busy || preview.invalid.length > 0 || (needsTrust && !trusted)}
        onClick={() => onApply(trusted)}
      >
        {t('exchange.import.apply')}
      </Button>
    </Space>
  );
}

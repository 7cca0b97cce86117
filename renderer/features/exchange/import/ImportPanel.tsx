// 导入: choose a stick or a folder, Verify (every hash, the signature, the names — nothing written),
// see what would change, then Apply import.
import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { SteadyProgress } from '../../../ui/SteadyProgress';
import { SafetyCertificateOutlined } from '../../../ui/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../ui/format-bytes';
import { PlaceCard } from '../PlaceCard';
import { ImportPreviewView } from './ImportPreviewView';
import { useImport } from './use-import';
import type { Place } from '../../../../shared/contract';

export function ImportPanel() {
  const { t } = useTranslation();
  const [source, setSource] = useState<Place | null>(null);
  const { state, verify, apply, cancel, reset } = useImport();
  const choose = (place: Place) => {
    setSource(place);
    reset();
  };
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 960 }} size="middle">
      <PlaceCard purpose="import" place={source} onChosen={choose} />
      <Space>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined aria-hidden />}
          disabled={!source || state.phase === 'verifying' || state.phase === 'applying'}
          loading={state.phase === 'verifying'}
          onClick={() => source && void verify(source.grant)}
        >
          {t('exchange.import.verify')}
        </Button>
      </Space>
      {state.phase === 'candidates' && (
        <Card size="small">
          <Typography.Paragraph>
            {state.candidates.length > 0
              ? t('exchange.import.candidates')
              : t('exchange.import.noCandidates')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={state.candidates}
            renderItem={(candidate) => (
              <List.Item>
                <Button
                  type="link"
                  onClick={() => choose({ grant: candidate.grant, path: candidate.folder })}
                >
                  {candidate.name}
                </Button>
              </List.Item>
            )}
          />
        </Card>
      )}
      {state.phase === 'problem' && (
        <Alert type="error" showIcon data-testid="import-problem" message={state.message} />
      )}
      {(state.phase === 'ready' || state.phase === 'applying') && (
        <ImportPreviewView
          bundle={state.bundle}
          busy={state.phase === 'applying'}
          onApply={(trust) => void apply(state.bundle, trust)}
        />
      )}
      {state.phase === 'applying' && state.total > 0 && (
        <Space role="status">
          <SteadyProgress percent={Math.floor((state.done / state.total) * 100)} style={{ width: 320 }} />
          <Typography.Text>
            {t('exchange.import.readingPhotos', {
              done: formatBytes(state.done),
              total: formatBytes(state.total),
            })}
          </Typography.Text>
          <Button size="small" danger onClick={cancel}>
            {t('exchange.cancel')}
          </Button>
        </Space>
      )}
      {state.phase === 'applied' && (
        <Alert
          type="success"
          showIcon
          data-testid="import-outcome"
          message={t('exchange.import.applied', {
            newRows: state.receipt.counts.newRows,
            changedRows: state.receipt.counts.changedRows,
            newPhotos: state.receipt.counts.newPhotos,
          })}
          description={
            state.receipt.counts.conflicts > 0
              ? t('exchange.import.appliedConflicts', { count: state.receipt.counts.conflicts })
              : undefined
          }
        />
      )}
    </Space>
  );
}

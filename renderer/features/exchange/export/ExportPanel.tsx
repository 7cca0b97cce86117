// 导出: where to (a removable drive, or any folder), what (everything, or only what a laptop we have
// heard from lacks; reports and ledgers or not), then the export with progress and its outcome.
import { Alert, Button, Card, Checkbox, Radio, Select, Space, Typography } from 'antd';
import { ExportOutlined } from '../../../ui/icons';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKnownDevices } from '../../../db';
import { errorContent } from '../../../ui/ErrorDetails';
import { formatBytes } from '../../../ui/format-bytes';
import { PlaceCard } from '../PlaceCard';
import { ExportProgressView } from './ExportProgressView';
import { useExport } from './use-export';
import { type Language, parseLanguage } from '../../../i18n';
import type { Place } from '../../../../shared/contract';

export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const devices = useKnownDevices();
  const [target, setTarget] = useState<Place | null>(null);
  const [kind, setKind] = useState<'full' | 'incremental'>('full');
  const [recipientNode, setRecipient] = useState<string | null>(null);
  const [reports, setReports] = useState(true);
  // The leader's page speaks what is chosen here; until then, the app's language.
  const [pageLanguage, setPageLanguage] = useState<Language | null>(null);
  const language = pageLanguage ?? parseLanguage(i18n.language) ?? 'zh-CN';
  const { state, start, cancel, failure } = useExport();
  const running = state.phase === 'preparing' || state.phase === 'writing' || state.phase === 'verifying';
  const recipient = devices?.find((d) => d.node === recipientNode) ?? null;
  const canExport = target !== null && !running && (kind === 'full' || recipient !== null);

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 860 }} size="middle">
      <SteadyPlaceCard purpose="export" place={target} onChosen={setTarget} />
      <ExportOptions
        devices={devices}
        kind={kind}
        onKind={setKind}
        recipientNode={recipientNode}
        onRecipient={setRecipient}
        reports={reports}
        onReports={setReports}
        language={language}
        onLanguage={setPageLanguage}
      />
      <Button
        type="primary"
        icon={<ExportOutlined aria-hidden />}
        disabled={!canExport}
        onClick={() =>
          target &&
          void start({
            target: target.grant,
            reports,
            pageLanguage: language,
            recipient:
              kind === 'incremental' && recipient
                ? { node: recipient.node, name: recipient.name, knowledge: recipient.knowledge }
                : null,
          })
        }
      >
        {t('exchange.export')}
      </Button>
      <ExportProgressView state={state} onCancel={cancel} />
      {state.phase === 'finished' && state.outcome.status === 'done' && (
        <Alert
          type="success"
          showIcon
          data-testid="export-outcome"
          message={t('exchange.exported', {
            files: state.outcome.files,
            bytes: formatBytes(state.outcome.bytes),
          })}
          description={
            <>
              <Typography.Text copyable data-testid="export-path">
                {state.outcome.path}
              </Typography.Text>
              {state.missingPhotos > 0 && (
                <Typography.Paragraph type="warning">
                  {t('exchange.missingPhotos', { count: state.missingPhotos })}
                </Typography.Paragraph>
              )}
            </>
          }
        />
      )}
      {state.phase === 'finished' && state.outcome.status === 'cancelled' && (
        <Alert type="info" showIcon data-testid="export-outcome" message={t('exchange.exportCancelled')} />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          data-testid="export-outcome"
          message={errorContent({
            ...failure,
            message: t('exchange.exportFailed', { reason: failure.message }),
          })}
        />
      )}
      {state.phase === 'error' && (
        <Alert type="error" showIcon data-testid="export-outcome" message={state.message} />
      )}
    </Space>
  );
}

/**
 * What to export. Memoized, as is the place's card: during an export the panel redraws its progress
 * ten times a second, and these selects and radios need not redraw with it.
 */
const ExportOptions = memo(function ExportOptions({
  devices,
  kind,
  onKind,
  recipientNode,
  onRecipient,
  reports,
  onReports,
  language,
  onLanguage,
}: {
  devices: ReturnType<typeof useKnownDevices>;
  kind: 'full' | 'incremental';
  onKind: (kind: 'full' | 'incremental') => void;
  recipientNode: string | null;
  onRecipient: (node: string) => void;
  reports: boolean;
  onReports: (reports: boolean) => void;
  language: Language;
  onLanguage: (language: Language) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('exchange.options.kind')}>
      <Space direction="vertical">
        <Radio.Group value={kind} onChange={(e) => onKind(e.target.value as 'full' | 'incremental')}>
          <Space direction="vertical">
            <Radio value="full">{t('exchange.options.full')}</Radio>
            <Radio value="incremental" disabled={!devices || devices.length === 0}>
              {t('exchange.options.incremental')}
            </Radio>
          </Space>
        </Radio.Group>
        {devices && devices.length === 0 && (
          <Typography.Text type="secondary">{t('exchange.options.noRecipients')}</Typography.Text>
        )}
        {kind === 'incremental' && (
          <Select
            aria-label={t('exchange.options.recipient')}
            placeholder={t('exchange.options.recipient')}
            style={{ minWidth: 280 }}
            value={recipientNode ?? undefined}
            onChange={onRecipient}
            options={(devices ?? []).map((d) => ({ value: d.node, label: d.name }))}
          />
        )}
        <Checkbox checked={reports} onChange={(e) => onReports(e.target.checked)}>
          {t('exchange.options.reports')}
        </Checkbox>
        <Space wrap>
          <Typography.Text id="export-page-language">{t('exchange.options.pageLanguage')}</Typography.Text>
          <Select<Language>
            aria-labelledby="export-page-language"
            style={{ minWidth: 140 }}
            value={language}
            onChange={onLanguage}
            options={[
              { value: 'zh-CN', label: t('language.zhCN') },
              { value: 'en', label: t('language.en') },
            ]}
          />
        </Space>
      </Space>
    </Card>
  );
});

const SteadyPlaceCard = memo(PlaceCard);

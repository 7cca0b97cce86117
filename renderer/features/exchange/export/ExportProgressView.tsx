// Progress of a running export: the step while preparing, then bytes, speed and time left, and a cancel.
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../ui/format-bytes';
import { SteadyProgress } from '../../../ui/SteadyProgress';
import type { ExportState } from './use-export';

const duration = (seconds: number): string => {
  const s = Math.round(seconds);
  return s >= 60 ? `${String(Math.floor(s / 60))}:${String(s % 60).padStart(2, '0')}` : `${String(s)} s`;
};

export function ExportProgressView({ state, onCancel }: { state: ExportState; onCancel: () => void }) {
  const { t } = useTranslation();
  if (state.phase !== 'preparing' && state.phase !== 'writing' && state.phase !== 'verifying') return null;
  let label: string;
  let percent = 0;
  if (state.phase === 'preparing') label = t(`exchange.steps.${state.step}`);
  else if (state.phase === 'verifying') {
    label = t('exchange.steps.verifying');
    percent = 100;
  } else {
    const p = state.progress;
    percent = p.totalBytes === 0 ? 100 : Math.floor((p.doneBytes / p.totalBytes) * 100);
    const figures =
      p.bytesPerSecond !== null && p.secondsLeft !== null
        ? t('exchange.progress', {
            done: formatBytes(p.doneBytes),
            total: formatBytes(p.totalBytes),
            speed: formatBytes(p.bytesPerSecond),
            left: duration(p.secondsLeft),
          })
        : t('exchange.progressStarting', {
            done: formatBytes(p.doneBytes),
            total: formatBytes(p.totalBytes),
          });
    label = `${t('exchange.steps.writing')} ${figures}`;
  }
  return (
    <Space direction="vertical" style={{ width: '100%' }} role="status" aria-live="polite">
      <SteadyProgress percent={percent} />
      <Space>
        <Typography.Text data-testid="export-progress">{label}</Typography.Text>
        <Button onClick={onCancel} danger size="small">
          {t('exchange.cancel')}
        </Button>
      </Space>
    </Space>
  );
}

// Progress of an intake (files done of all, photos per second, Cancel), then what came of it: how
// many were added, which were already stored, and one message per file that could not be added.
import { StopOutlined } from '../../ui/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { failureMessage, formatRate } from './intake-messages';
import { filesPerSecond, percentDone } from './intake-run';
import styles from './photos.module.css';
import type { IntakeState } from './use-photo-intake';
import { errorContent } from '../../ui/ErrorDetails';
import { SteadyProgress } from '../../ui/SteadyProgress';

/** Beyond this, failures are counted rather than listed: a folder of 5,000 videos is one story. */
const MAX_LISTED_FAILURES = 200;
const MAX_LISTED_DUPLICATES = 12;

interface Props {
  state: IntakeState;
  onCancel: () => void;
  onDismiss: () => void;
}

export function IntakeStatus({ state, onCancel, onDismiss }: Props) {
  const { t, i18n } = useTranslation();
  const { progress, running, failures, duplicates } = state;
  if (!progress) return null;
  const rate = filesPerSecond(progress);
  const separator = i18n.language === 'en' ? ', ' : '、';
  const listedDuplicates =
    duplicates.slice(0, MAX_LISTED_DUPLICATES).join(separator) +
    (duplicates.length > MAX_LISTED_DUPLICATES ? ' …' : '');

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="photo-intake">
      <div>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text data-testid="photo-intake-count">
            {t('photos.progress.count', { done: progress.done, total: progress.total })}
            {rate !== null && ` · ${t('photos.progress.speed', { rate: formatRate(rate) })}`}
          </Typography.Text>
          {running ? (
            <Button icon={<StopOutlined />} onClick={onCancel}>
              {t('photos.progress.cancel')}
            </Button>
          ) : (
            <Button type="text" onClick={onDismiss}>
              {t('photos.result.dismiss')}
            </Button>
          )}
        </Space>
        <SteadyProgress percent={percentDone(progress)} aria-label={t('photos.progress.label')} />
      </div>

      {!running && (
        <Alert
          type={progress.added > 0 ? 'success' : 'info'}
          showIcon
          data-testid="photo-intake-added"
          title={
            progress.added > 0 ? t('photos.result.added', { count: progress.added }) : t('photos.result.none')
          }
        />
      )}
      {!running && state.stopped && (
        <Alert
          type="warning"
          showIcon
          title={t(`photos.result.${state.stopped}`, { count: progress.total - progress.done })}
        />
      )}
      {duplicates.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="photo-intake-duplicates"
          title={t('photos.result.duplicates', { count: duplicates.length, files: listedDuplicates })}
        />
      )}
      {failures.length > 0 && (
        <>
          <Typography.Text type="danger">
            {t('photos.result.failed', { count: failures.length })}
          </Typography.Text>
          <div
            role="list"
            aria-label={t('photos.result.failed', { count: failures.length })}
            className={styles.failures}
          >
            {failures.slice(0, MAX_LISTED_FAILURES).map((failure, i) => (
              <div role="listitem" key={`${i}:${failure.label}`}>
                <Alert
                  type="error"
                  showIcon
                  title={errorContent({
                    message: failureMessage(t, failure),
                    details: failure.kind === 'unexpected' ? failure.detail : '',
                  })}
                />
              </div>
            ))}
          </div>
          {failures.length > MAX_LISTED_FAILURES && (
            <Typography.Text type="danger">
              {t('photos.result.more', { count: failures.length - MAX_LISTED_FAILURES })}
            </Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}

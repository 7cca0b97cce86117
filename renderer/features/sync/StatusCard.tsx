// Sync at a glance: the last success, what waits, what is moving now, any problem in the person's
// words with what to do, "Sync now", the automatic switch and which photo originals come down.
import { Alert, Button, Card, Descriptions, Radio, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_ORIGINALS, type PhotoOriginals, type SyncState, useReadOnly } from '../../db';
import { useSession } from '../../stores/session';
import { useSync } from '../../stores/sync';
import { ErrorDetails } from '../../ui/ErrorDetails';
import { formatInstant } from '../../ui/format-instant';
import { photoMovingText, photosWaitingText } from './photo-status';

export function StatusCard({ state, refused }: { state: SyncState; refused: number }) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const engine = useSync((s) => s.engine);
  const status = useSync((s) => s.status);
  const [done, setDone] = useState<string | null>(null);
  const [originals, setOriginals] = useState<PhotoOriginals | null>(null);
  const readOnly = useReadOnly() === true;
  if (!state.enrollment || !state.signIn) return null;

  const syncNow = () => {
    setDone(null);
    void engine?.syncNow().then(
      (result) => {
        if (result) setDone(t('sync.status.done', { pushed: result.pushed, received: result.received }));
      },
      () => undefined, // the status shows the problem
    );
  };
  const progress = status?.progress;
  const problem = status?.problem;
  const photosWaiting = photosWaitingText(t, status);
  const photoMoving = photoMovingText(t, status);

  return (
    <Card size="small" title={t('sync.status.title')}>
      <Descriptions size="small" column={1} bordered style={{ maxWidth: 640, marginBottom: 16 }}>
        <Descriptions.Item label={t('sync.status.lastSuccess')}>
          <span data-testid="sync-last-success">
            {state.lastSuccess ? formatInstant(state.lastSuccess.at, language) : t('sync.status.never')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('sync.status.waiting')}>
          <span data-testid="sync-waiting">
            {t('sync.status.waitingCount', { count: status?.waiting ?? 0 })}
          </span>
          {/* Made before a leader signed in (the first run's templates, say): a leader's laptop sends nothing. */}
          {readOnly && (status?.waiting ?? 0) > 0 && (
            <Typography.Text type="secondary"> {t('sync.readOnly.notSent')}</Typography.Text>
          )}
        </Descriptions.Item>
        {refused > 0 && (
          <Descriptions.Item label={t('sync.status.refused')}>
            {t('sync.status.waitingCount', { count: refused })}
          </Descriptions.Item>
        )}
        {photosWaiting !== null && (
          <Descriptions.Item label={t('sync.status.photosWaiting')}>
            <span data-testid="sync-photos-waiting">{photosWaiting}</span>
          </Descriptions.Item>
        )}
        {photoMoving !== null && (
          <Descriptions.Item label={t('sync.status.moving')}>
            <span aria-live="polite" data-testid="sync-photo-moving">
              {photoMoving}
            </span>
          </Descriptions.Item>
        )}
        {progress && (
          <Descriptions.Item label={t('sync.status.moving')}>
            <span aria-live="polite">
              {t(`sync.status.phase.${progress.phase}`, { done: progress.done })}
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {problem && status?.phase !== 'syncing' && (
        <Alert
          type={status?.phase === 'offline' ? 'warning' : 'error'}
          showIcon
          role="alert"
          data-testid="sync-problem"
          title={t(`sync.problem.${problem.code}`)}
          description={
            <>
              {status?.retryAt && (
                <Typography.Paragraph>
                  {t('sync.status.retryAt', {
                    time: formatInstant(new Date(status.retryAt).toISOString(), language),
                  })}
                </Typography.Paragraph>
              )}
              <ErrorDetails details={problem.detail} />
            </>
          }
          style={{ marginBottom: 16, maxWidth: 640 }}
        />
      )}
      {done && !problem && (
        <Alert
          type="success"
          showIcon
          data-testid="sync-done"
          title={done}
          style={{ marginBottom: 16, maxWidth: 640 }}
        />
      )}
      <Space wrap align="center">
        <Button type="primary" onClick={syncNow} loading={status?.phase === 'syncing'} disabled={!engine}>
          {t('sync.status.syncNow')}
        </Button>
        <Switch
          id="sync-automatic"
          checked={state.automatic}
          onChange={(on) => void engine?.setAutomatic(on)}
          aria-label={t('sync.status.automatic')}
        />
        <label htmlFor="sync-automatic">{t('sync.status.automatic')}</label>
        <Typography.Text type="secondary">{t('sync.status.automaticHint')}</Typography.Text>
      </Space>
      {/* Space is inline: a block of its own puts the choice on a line of its own. */}
      <div style={{ marginTop: 12 }}>
        <Space wrap align="center">
          <Typography.Text id="sync-originals">{t('sync.status.originals')}</Typography.Text>
          <Radio.Group
            aria-labelledby="sync-originals"
            value={originals ?? state.photoOriginals}
            onChange={(e) => {
              // Shown chosen at once; the stored setting follows a moment later.
              const mode = e.target.value as PhotoOriginals;
              setOriginals(mode);
              void engine?.setPhotoOriginals(mode);
            }}
            disabled={!engine}
            options={PHOTO_ORIGINALS.map((mode) => ({
              value: mode,
              label: t(mode === 'all' ? 'sync.status.originalsAll' : 'sync.status.originalsWhenAsked'),
            }))}
          />
        </Space>
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, maxWidth: 640 }}>
        {t('sync.status.originalsHint')}
      </Typography.Paragraph>
    </Card>
  );
}

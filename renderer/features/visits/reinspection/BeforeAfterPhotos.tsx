// An issue's before photos beside the after photos of this re-inspection, in two aligned columns so
// that the pictures of one spot can be compared (DOMAIN.md). After photos come in through the usual
// intake (pick files, drop files or folders, paste, the webcam), tagged with this visit and the issue.
import { PictureOutlined, SwapOutlined } from '../../../ui/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { Fragment, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../../shared/domain/photo';
import { IntakeStatus, PhotoViewer, usePhotoDropZone, usePhotoIntake, WebcamButton } from '../../photos';
import { PhotoTile } from './PhotoTile';
import { ComparePhotos } from './ComparePhotos';
import { pairRows } from './reinspection-model';
import styles from './reinspection.module.css';

interface Props {
  link: { projectId: string; visitId: string; issueId: string };
  before: readonly Photo[];
  after: readonly Photo[];
  /** No more after photos: the visit is finalized or the issue closed. */
  readOnly: boolean;
}

export function BeforeAfterPhotos({ link, before, after, readOnly }: Props) {
  const { t } = useTranslation();
  const intake = usePhotoIntake(link);
  const { dropping, zoneProps, addFiles } = usePhotoDropZone(intake, readOnly);
  const filesInput = useRef<HTMLInputElement>(null);
  const [viewing, setViewing] = useState<{ column: 'before' | 'after'; id: string } | null>(null);
  const [comparing, setComparing] = useState<number | null>(null);
  const busy = intake.state.running;
  const rows = pairRows(before, after);
  const beforeLabel = t('reinspection.before');
  const afterLabel = t('reinspection.after');

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <input
        ref={filesInput}
        type="file"
        multiple
        accept="image/*"
        hidden
        data-testid="after-photos-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so that picking the same files again is noticed.
          e.currentTarget.value = '';
          addFiles(files);
        }}
      />
      <IntakeStatus state={intake.state} onCancel={intake.cancel} onDismiss={intake.dismiss} />
      <section
        aria-label={t('reinspection.pairs')}
        tabIndex={readOnly ? undefined : 0}
        className={`${styles.pairs} ${dropping ? styles.dropping : ''}`}
        {...zoneProps}
      >
        {dropping && <div className={styles.dropOverlay}>{t('reinspection.dropNow')}</div>}
        <div className={styles.columnHead}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {beforeLabel} ({before.length})
          </Typography.Title>
          <Typography.Text type="secondary">{t('reinspection.beforeHint')}</Typography.Text>
        </div>
        <div className={styles.middle}>
          <Button
            icon={<SwapOutlined />}
            disabled={before.length === 0 || after.length === 0}
            onClick={() => setComparing(0)}
          >
            {t('reinspection.compare')}
          </Button>
        </div>
        <div className={styles.columnHead}>
          <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {afterLabel} ({after.length})
            </Typography.Title>
            {!readOnly && (
              <Space wrap size="small">
                <Button
                  type="primary"
                  icon={<PictureOutlined />}
                  disabled={busy}
                  onClick={() => filesInput.current?.click()}
                >
                  {t('reinspection.addAfter')}
                </Button>
                <WebcamButton disabled={busy} onCapture={(file) => addFiles([file])} />
              </Space>
            )}
          </Space>
          <Typography.Text type="secondary">{t('reinspection.afterHint')}</Typography.Text>
        </div>

        {rows.map((row, i) => (
          <Fragment key={`${row.before?.id ?? '-'}:${row.after?.id ?? '-'}`}>
            <div data-testid="before-cell">
              {row.before ? (
                <PhotoTile
                  photo={row.before}
                  column={beforeLabel}
                  onOpen={() => setViewing({ column: 'before', id: row.before?.id ?? '' })}
                />
              ) : (
                <div className={styles.empty}>{i === before.length ? t('reinspection.noBefore') : ''}</div>
              )}
            </div>
            <div className={styles.middle}>
              {row.before && row.after && (
                <Tooltip title={t('reinspection.compare')}>
                  <Button
                    shape="circle"
                    icon={<SwapOutlined />}
                    aria-label={t('reinspection.compareRow', { n: i + 1 })}
                    onClick={() => setComparing(i)}
                  />
                </Tooltip>
              )}
            </div>
            <div data-testid="after-cell">
              {row.after ? (
                <PhotoTile
                  photo={row.after}
                  column={afterLabel}
                  onOpen={() => setViewing({ column: 'after', id: row.after?.id ?? '' })}
                />
              ) : (
                // The first empty place says where after photos go; the others just keep the rows aligned.
                <div className={styles.empty}>
                  {i === after.length
                    ? readOnly
                      ? t('reinspection.noAfter')
                      : `${t('reinspection.noAfter')} · ${t('reinspection.dropAfter')}`
                    : ''}
                </div>
              )}
            </div>
          </Fragment>
        ))}
      </section>
      <PhotoViewer
        photos={before}
        openId={viewing?.column === 'before' ? viewing.id : null}
        onOpen={(id) => setViewing(id === null ? null : { column: 'before', id })}
        // Before photos belong to an earlier record; this re-inspection shows them as they are.
        readOnly
      />
      <PhotoViewer
        photos={after}
        openId={viewing?.column === 'after' ? viewing.id : null}
        onOpen={(id) => setViewing(id === null ? null : { column: 'after', id })}
        readOnly={readOnly}
      />
      <ComparePhotos before={before} after={after} startAt={comparing} onClose={() => setComparing(null)} />
    </Space>
  );
}

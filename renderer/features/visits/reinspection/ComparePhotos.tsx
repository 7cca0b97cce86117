// One before photo and one after photo at a larger size, side by side; each side steps through its
// own column, since the n-th photos of the two columns are not always of the same spot.
import { LeftOutlined, RightOutlined } from '../../../ui/icons';
import { Button, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../../shared/domain/photo';
import { usePhotoDerivativeUrl } from '../../../db';
import { useAbsentPhotoText } from '../../photos';
import { formatTakenAt, photoName } from '../../../ui/photo-format';
import styles from './reinspection.module.css';

interface Props {
  before: readonly Photo[];
  after: readonly Photo[];
  /** The row to start at; null when closed. */
  startAt: number | null;
  onClose: () => void;
}

export function ComparePhotos({ before, after, startAt, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={startAt !== null}
      title={t('reinspection.compareTitle')}
      onCancel={onClose}
      footer={null}
      width="min(1400px, 96vw)"
      centered
      destroyOnHidden
    >
      {startAt !== null && (
        <div className={styles.compare}>
          <ComparePane
            label={t('reinspection.before')}
            empty={t('reinspection.noBefore')}
            photos={before}
            start={startAt}
          />
          <ComparePane
            label={t('reinspection.after')}
            empty={t('reinspection.noAfter')}
            photos={after}
            start={startAt}
          />
        </div>
      )}
    </Modal>
  );
}

function ComparePane(props: { label: string; empty: string; photos: readonly Photo[]; start: number }) {
  const { label, photos } = props;
  const { t } = useTranslation();
  const [index, setIndex] = useState(Math.min(props.start, Math.max(0, photos.length - 1)));
  const photo = photos[index];
  const url = usePhotoDerivativeUrl(photo?.sha256, 'display');
  const absent = useAbsentPhotoText();
  return (
    <section aria-label={label}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
          <Typography.Text strong>{label}</Typography.Text>
          <Space>
            <Button
              size="small"
              icon={<LeftOutlined />}
              aria-label={`${label}: ${t('reinspection.previous')}`}
              disabled={index <= 0}
              onClick={() => setIndex(index - 1)}
            />
            <Typography.Text>
              {photos.length > 0
                ? t('reinspection.position', { index: index + 1, total: photos.length })
                : ''}
            </Typography.Text>
            <Button
              size="small"
              icon={<RightOutlined />}
              aria-label={`${label}: ${t('reinspection.next')}`}
              disabled={index >= photos.length - 1}
              onClick={() => setIndex(index + 1)}
            />
          </Space>
        </Space>
        <div className={styles.stage}>
          {!photo ? (
            <span className={styles.stageEmpty}>{props.empty}</span>
          ) : url ? (
            <img src={url} alt={photoName(photo)} />
          ) : url === null ? (
            <span className={styles.stageEmpty}>{absent}</span>
          ) : (
            <Spin />
          )}
        </div>
        {photo && (
          <Typography.Text type="secondary">
            {photoName(photo)}
            {photo.takenAt && ` · ${formatTakenAt(photo.takenAt)}`}
          </Typography.Text>
        )}
      </Space>
    </section>
  );
}

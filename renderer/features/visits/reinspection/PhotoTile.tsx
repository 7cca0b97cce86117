// One photo of a before/after pair: its display copy large enough to compare, its name and time.
// A button named by the column and the photo; it opens the photo in the viewer.
import { FileImageOutlined } from '../../../ui/icons';
import { Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../../shared/domain/photo';
import { usePhotoDerivativeUrl } from '../../../db';
import { useAbsentPhotoText } from '../../photos';
import { formatTakenAt, photoName } from '../../../ui/photo-format';
import styles from './reinspection.module.css';

export function PhotoTile({ photo, column, onOpen }: { photo: Photo; column: string; onOpen: () => void }) {
  const { t } = useTranslation();
  // The display copy, not the 320-pixel thumbnail: the point is to see whether the spot was fixed.
  const url = usePhotoDerivativeUrl(photo.sha256, 'display');
  const absent = useAbsentPhotoText();
  const name = photoName(photo);
  return (
    <button type="button" className={styles.tile} aria-label={`${column}: ${name}`} onClick={onOpen}>
      <span className={styles.picture}>
        {url ? (
          <img src={url} alt="" draggable={false} decoding="async" />
        ) : url === null ? (
          <span className={styles.missing} title={absent}>
            <FileImageOutlined />
            <span className={styles.missingText}>{absent}</span>
          </span>
        ) : (
          <Spin size="small" />
        )}
      </span>
      <span className={styles.caption}>{name}</span>
      <span className={styles.time}>{photo.takenAt ? formatTakenAt(photo.takenAt) : t('photos.noTime')}</span>
    </button>
  );
}

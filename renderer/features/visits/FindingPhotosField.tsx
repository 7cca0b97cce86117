// The photos of a finding, in its dialog: the visit's photos as thumbnails to tick, and "Add photos"
// for new ones, which join the visit and come ticked. The ticked photos are linked to the issue when
// it is recorded (renderer/db/repositories/issue-evidence.ts); no picture is copied.
import { FileImageOutlined } from '../../ui/icons';
import { Checkbox, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../shared/domain/photo';
import type { Visit } from '../../../shared/domain/visit';
import { usePhotoDerivativeUrl, usePhotos } from '../../db';
import { useAbsentPhotoText } from '../photos';
import { AddPhotosButton } from './AddPhotosButton';
import { useFreshPhotos } from './use-fresh-photos';

const THUMB = { width: 96, height: 72 } as const;

interface Props {
  visit: Pick<Visit, 'id' | 'projectId'>;
  /** Form.Item's value and onChange: the ids of the ticked photos. */
  value?: string[];
  onChange?: (photoIds: string[]) => void;
}

export function FindingPhotosField({ visit, value = [], onChange = () => {} }: Props) {
  const { t } = useTranslation();
  const photos = usePhotos({ visitId: visit.id });
  const markStart = useFreshPhotos(photos, (fresh) =>
    onChange([...new Set([...value, ...fresh.map((p) => p.id)])]),
  );
  const chosen = new Set(value);
  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));

  return (
    <div role="group" aria-label={t('evidence.photos')} data-testid="finding-photos">
      <Typography.Text strong>{t('evidence.photos')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {photos && photos.length === 0 ? t('evidence.noVisitPhotos') : t('evidence.photosHint')}
        {value.length > 0 && ` ${t('evidence.photosChosen', { count: value.length })}`}
      </Typography.Paragraph>
      <div
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 8,
          marginBottom: 8,
          maxHeight: 260,
          overflowY: 'auto',
        }}
      >
        {(photos ?? []).map((photo, i) => (
          <PhotoChoice
            key={photo.id}
            photo={photo}
            name={photo.caption || t('evidence.photoN', { n: i + 1 })}
            checked={chosen.has(photo.id)}
            onToggle={(on) => toggle(photo.id, on)}
          />
        ))}
      </div>
      <AddPhotosButton
        link={{ projectId: visit.projectId, visitId: visit.id }}
        label={t('photos.add')}
        onStart={markStart}
        testId="finding-photos-input"
      />
    </div>
  );
}

function PhotoChoice(props: {
  photo: Photo;
  name: string;
  checked: boolean;
  onToggle: (on: boolean) => void;
}) {
  const url = usePhotoDerivativeUrl(props.photo.sha256, 'thumbnail');
  const absent = useAbsentPhotoText();
  const frame = { ...THUMB, borderRadius: 4, background: '#f5f5f5', display: 'block' } as const;
  return (
    <Checkbox
      checked={props.checked}
      onChange={(e) => props.onToggle(e.target.checked)}
      style={{ alignItems: 'flex-start' }}
    >
      <span style={{ display: 'inline-flex', flexDirection: 'column', gap: 2, width: THUMB.width }}>
        {url ? (
          <img src={url} alt="" style={{ ...frame, objectFit: 'cover' }} />
        ) : (
          <span title={absent} style={{ ...frame, textAlign: 'center', lineHeight: `${THUMB.height}px` }}>
            <FileImageOutlined style={{ color: '#bfbfbf' }} />
          </span>
        )}
        <Typography.Text ellipsis={{ tooltip: props.name }} style={{ fontSize: 12 }}>
          {props.name}
        </Typography.Text>
      </span>
    </Checkbox>
  );
}

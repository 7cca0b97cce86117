// A required-photo checklist item takes its photo in place: "Take a photo with the webcam" or "Pick
// photo" adds it to the visit's photos, tied to the item (Photo.checklistItemId), and the item's answer
// records the photo by its SHA-256 — saved with the checklist like any answer.
import { Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '../../../shared/domain/checklist';
import type { Visit } from '../../../shared/domain/visit';
import { usePhotos } from '../../db';
import { EvidencePhotos } from '../issues';
import { AddPhotosButton } from './AddPhotosButton';
import { useFreshPhotos } from './use-fresh-photos';

interface Props {
  visit: Pick<Visit, 'id' | 'projectId'>;
  item: Pick<ChecklistItem, 'id' | 'text'>;
  /** The hashes the answer records now. */
  value: readonly string[];
  onChange: (sha256s: string[]) => void;
  locked: boolean;
}

export function ChecklistItemPhotos({ visit, item, value, onChange, locked }: Props) {
  const { t } = useTranslation();
  const photos = usePhotos({ visitId: visit.id });
  const markStart = useFreshPhotos(photos, (fresh) =>
    onChange([
      ...new Set([...value, ...fresh.filter((p) => p.checklistItemId === item.id).map((p) => p.sha256)]),
    ]),
  );
  return (
    <Space orientation="vertical" size={4} style={{ alignItems: 'flex-end', maxWidth: 420 }}>
      {value.length > 0 ? (
        <>
          <Typography.Text data-testid="item-photo-count">
            {t('evidence.itemPhotos', { count: value.length })}
          </Typography.Text>
          <EvidencePhotos hashes={value} />
        </>
      ) : (
        <Typography.Text type="secondary">{t('evidence.itemNoPhoto')}</Typography.Text>
      )}
      {!locked && (
        <AddPhotosButton
          link={{ projectId: visit.projectId, visitId: visit.id, checklistItemId: item.id }}
          label={t('evidence.pickPhoto')}
          onStart={markStart}
          webcam
          size="small"
          testId="item-photo-input"
        />
      )}
    </Space>
  );
}

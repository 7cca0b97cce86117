// What a photo this laptop lacks says instead of a picture. On a laptop that syncs, a photo record
// whose original is not here came by sync ahead of its original, which follows in the background:
// "On its way" (传输中), never a broken image. Without sync it is simply not on this computer.
import { useTranslation } from 'react-i18next';
import { useSync } from '../../stores/sync';

export function useAbsentPhotoText(): string {
  const { t } = useTranslation();
  const syncs = useSync((s) => s.status !== null && s.status.phase !== 'notSetUp');
  return syncs ? t('photos.onItsWay') : t('photos.missing');
}

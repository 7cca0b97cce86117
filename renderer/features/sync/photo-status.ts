// The Sync page's words for photos: how many wait and their size, and the photo moving now with the
// speed and the time left for all that waits at that speed.
import type { TFunction } from 'i18next';
import type { SyncStatus } from '../../sync/sync-engine';

const MB = 1024 * 1024;

/** Megabytes with one decimal (0.1 MB for anything smaller but not nothing). */
export const megabytes = (bytes: number): string =>
  bytes === 0 ? '0 MB' : `${Math.max(0.1, bytes / MB).toFixed(1)} MB`;

export function photosWaitingText(t: TFunction, status: SyncStatus | null): string | null {
  if (!status?.photos) return null;
  return t('sync.status.photosWaitingCount', {
    count: status.photos.waiting,
    size: megabytes(status.photos.waitingBytes),
  });
}

export function photoMovingText(t: TFunction, status: SyncStatus | null): string | null {
  const moving = status?.photoProgress;
  if (!moving) return null;
  const what = t(`sync.status.photoMoving.${moving.direction}`, {
    done: megabytes(moving.done),
    total: megabytes(moving.total),
  });
  if (!moving.bytesPerSecond) return what;
  const left = (status.photos?.waitingBytes ?? moving.total - moving.done) / moving.bytesPerSecond;
  const speed = t('sync.status.photoSpeed', {
    speed: megabytes(moving.bytesPerSecond),
    minutes: Math.max(1, Math.ceil(left / 60)),
  });
  return `${what} · ${speed}`;
}

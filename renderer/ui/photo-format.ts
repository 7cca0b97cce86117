// How a photo's name, time and place read on screen, how many thumbnails fit a row, and zoom steps.
import type { GeoPoint } from '../../shared/domain/common';
import { CHINA_TIME_ZONE } from '../../shared/domain/dates';
import type { Photo } from '../../shared/domain/photo';

/** Accessible and visible name of a photo: what the inspector wrote, else the file's name. */
export const photoName = (photo: Pick<Photo, 'caption' | 'fileName'>): string =>
  photo.caption.trim() || photo.fileName;

const TIME_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-03-10 09:41", in China time whatever the laptop's time zone, as the camera showed it. */
export function formatTakenAt(instant: string): string {
  const at = Date.parse(instant);
  if (Number.isNaN(at)) return '';
  const part = Object.fromEntries(TIME_PARTS.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
}

/** "22.787654°N, 100.977123°E" */
export function formatGps(point: Pick<GeoPoint, 'lat' | 'lng'>): string {
  const lat = `${Math.abs(point.lat).toFixed(6)}°${point.lat < 0 ? 'S' : 'N'}`;
  const lng = `${Math.abs(point.lng).toFixed(6)}°${point.lng < 0 ? 'W' : 'E'}`;
  return `${lat}, ${lng}`;
}

export const THUMBNAIL_MIN_WIDTH = 160;
export const GALLERY_GAP = 12;
/** Below the picture: the caption line and the time line. */
export const THUMBNAIL_TEXT_HEIGHT = 46;

export interface GalleryLayout {
  columns: number;
  cellWidth: number;
  /** The picture's height (4:3, as most cameras shoot). */
  pictureHeight: number;
  rowHeight: number;
}

/** As many columns of at least THUMBNAIL_MIN_WIDTH as fit the width, sharing it equally. */
export function galleryLayout(width: number): GalleryLayout {
  const usable = Math.max(0, width);
  const columns = Math.max(1, Math.floor((usable + GALLERY_GAP) / (THUMBNAIL_MIN_WIDTH + GALLERY_GAP)));
  const cellWidth = Math.max(
    THUMBNAIL_MIN_WIDTH,
    Math.floor((usable - GALLERY_GAP * (columns - 1)) / columns),
  );
  const pictureHeight = Math.round((cellWidth * 3) / 4);
  return { columns, cellWidth, pictureHeight, rowHeight: pictureHeight + THUMBNAIL_TEXT_HEIGHT };
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 8;
const ZOOM_STEP = 1.25;

/** The next zoom, a step in or out (several steps for a strong wheel turn), within MIN_ZOOM..MAX_ZOOM. */
export function stepZoom(zoom: number, steps: number): number {
  const next = zoom * ZOOM_STEP ** steps;
  // Snap back to exactly 1 rather than 0.99999 after stepping in and out.
  const snapped = Math.abs(next - 1) < 1e-6 ? 1 : next;
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, snapped));
}

/** The scale at which an image fills the stage without being cut off. */
export function fitScale(
  image: { width: number; height: number },
  stage: { width: number; height: number },
): number {
  if (image.width <= 0 || image.height <= 0 || stage.width <= 0 || stage.height <= 0) return 1;
  return Math.min(stage.width / image.width, stage.height / image.height);
}

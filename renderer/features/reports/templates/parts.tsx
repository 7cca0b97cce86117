// Pieces the reports share: photos (or the marked placeholder of a missing one), each fitted whole into
// its frame — never cropped, a landscape photo stays landscape — with its caption, time and place;
// dates and rates as Chinese official documents write them.
import type { TFunction } from 'i18next';
import { localDate } from '../../../../shared/domain/dates';

/** A photo made ready for print: a downscaled data: URL, or null when it cannot be shown. */
export interface PrintPhoto {
  sha256: string;
  src: string | null;
  caption: string;
  fileName: string;
  /** When it was taken, as the laptop shows local times (2026-12-03 10:24); null when unknown. */
  takenAt: string | null;
  /** Where: its GPS position (22.7862°N 100.9772°E); null when it has none. */
  place: string | null;
  /** Why there is no picture: the bytes are not on this laptop, or they could not be decoded. */
  problem: 'missing' | 'unreadable' | null;
}

export function PhotoFigure({ photo, t }: { photo: PrintPhoto; t: TFunction }) {
  const when = [photo.takenAt, photo.place].filter((part) => part !== null && part !== '').join(' · ');
  return (
    <figure>
      {photo.src ? (
        <div className="frame">
          <img src={photo.src} alt={photo.caption || photo.fileName} data-photo={photo.sha256} />
        </div>
      ) : (
        <div className="photo-missing" data-photo-missing={photo.sha256}>
          {t(`reports.photoProblem.${photo.problem ?? 'missing'}`, { name: photo.fileName })}
        </div>
      )}
      <figcaption>
        {photo.caption || photo.fileName}
        {when !== '' && <span className="when">{when}</span>}
      </figcaption>
    </figure>
  );
}

/** A GPS position as a caption shows it: 22.7862°N 100.9772°E. */
export function placeText(gps: { lat: number; lng: number } | null): string | null {
  if (!gps) return null;
  const lat = `${Math.abs(gps.lat).toFixed(4)}°${gps.lat >= 0 ? 'N' : 'S'}`;
  const lng = `${Math.abs(gps.lng).toFixed(4)}°${gps.lng >= 0 ? 'E' : 'W'}`;
  return `${lat} ${lng}`;
}

export function PhotoGrid({
  photos,
  t,
  columns = 2,
}: {
  photos: readonly PrintPhoto[];
  t: TFunction;
  columns?: 2 | 3;
}) {
  if (photos.length === 0) return null;
  return (
    <div className={columns === 3 ? 'photos three' : 'photos'}>
      {photos.map((p, i) => (
        <PhotoFigure key={`${p.sha256}-${String(i)}`} photo={p} t={t} />
      ))}
    </div>
  );
}

/** 2026-03-10 → 2026年3月10日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y ?? ''}年${String(Number(m))}月${String(Number(d))}日`;
}

/** 0.8571 → 85.7%; null → —. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** An instant as a local date in the office's zone. */
export const dayIn = (instant: string, timeZone: string): string => localDate(Date.parse(instant), timeZone);

// Pieces the reports share: photos (or the marked placeholder of a missing one), dates and rates as
// Chinese official documents write them.
import type { TFunction } from 'i18next';
import { localDate } from '../../../../shared/domain/dates';

/** A photo made ready for print: a downscaled data: URL, or null when it cannot be shown. */
export interface PrintPhoto {
  sha256: string;
  src: string | null;
  caption: string;
  fileName: string;
  /** Why there is no picture: the bytes are not on this laptop, or they could not be decoded. */
  problem: 'missing' | 'unreadable' | null;
}

export function PhotoFigure({ photo, t }: { photo: PrintPhoto; t: TFunction }) {
  return (
    <figure>
      {photo.src ? (
        <img src={photo.src} alt={photo.caption || photo.fileName} />
      ) : (
        <div className="photo-missing" data-photo-missing={photo.sha256}>
          {t(`reports.photoProblem.${photo.problem ?? 'missing'}`, { name: photo.fileName })}
        </div>
      )}
      {(photo.caption || photo.fileName) && <figcaption>{photo.caption || photo.fileName}</figcaption>}
    </figure>
  );
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

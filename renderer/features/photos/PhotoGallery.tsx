// The photos as a grid of thumbnails, virtualized by rows so that a project's thousand photos scroll
// as smoothly as ten. The visible rows' thumbnails are read in one query, not one per picture. Each
// thumbnail is a button named by its caption or file name; arrow keys move between them and Enter
// opens one.
import { FileImageOutlined } from '../../ui/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Spin } from 'antd';
import { type KeyboardEvent, memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../shared/domain/photo';
import { useThumbnailUrls } from '../../db';
import { useAbsentPhotoText } from './use-absent-photo-text';
import { formatTakenAt, GALLERY_GAP, galleryLayout, photoName } from '../../ui/photo-format';
import styles from './photos.module.css';
import { useElementSize } from './use-element-size';

/** The grid scrolls inside the page beyond this height. */
const MAX_GALLERY_HEIGHT = 620;

interface Props {
  photos: readonly Photo[];
  label: string;
  onOpen: (photoId: string) => void;
}

/**
 * Memoized: the panel around it redraws its intake's progress several times a second while photos
 * are added, and the grid need not redraw with it — only when the photos change.
 */
export const PhotoGallery = memo(function PhotoGallery({ photos, label, onOpen }: Props) {
  const frameRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(frameRef);
  // The scroll bar takes some of the width once the grid scrolls.
  const layout = galleryLayout(width - 16);
  const { columns, rowHeight } = layout;
  const rowCount = Math.ceil(photos.length / columns);

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual returns fresh functions by design; this component does not memoize them.
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight + GALLERY_GAP,
    overscan: 3,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight, columns]);
  const rows = virtualizer.getVirtualItems();
  const visible = rows.flatMap((row) =>
    photos.slice(row.index * columns, row.index * columns + columns).map((p) => p.sha256),
  );
  const urls = useThumbnailUrls(visible);

  const focusPhoto = (index: number) => {
    const target = Math.max(0, Math.min(photos.length - 1, index));
    virtualizer.scrollToIndex(Math.floor(target / columns));
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`[data-photo-index="${target}"]`)?.focus(),
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = Number((event.target as HTMLElement).dataset.photoIndex);
    if (Number.isNaN(index)) return;
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      Home: -index,
      End: photos.length - 1 - index,
    };
    const by = step[event.key];
    if (by === undefined) return;
    event.preventDefault();
    focusPhoto(index + by);
  };

  const height = Math.min(MAX_GALLERY_HEIGHT, rowCount * (rowHeight + GALLERY_GAP));
  return (
    <div ref={frameRef}>
      <div
        ref={scrollRef}
        role="list"
        aria-label={label}
        className={styles.gallery}
        style={{ height }}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {rows.map((row) => {
            const first = row.index * columns;
            return (
              <div
                key={row.key}
                role="none"
                className={styles.galleryRow}
                style={{
                  gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                  gap: GALLERY_GAP,
                  height: rowHeight,
                  transform: `translateY(${row.start}px)`,
                }}
              >
                {photos.slice(first, first + columns).map((photo, i) => (
                  <Thumbnail
                    key={photo.id}
                    photo={photo}
                    url={urls?.get(photo.sha256)}
                    index={first + i}
                    total={photos.length}
                    pictureHeight={layout.pictureHeight}
                    onOpen={onOpen}
                  />
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
});

function Thumbnail(props: {
  photo: Photo;
  /** Its picture's URL; null: none on this laptop; undefined: loading. */
  url: string | null | undefined;
  index: number;
  total: number;
  pictureHeight: number;
  onOpen: (photoId: string) => void;
}) {
  const { photo, index, url } = props;
  const { t } = useTranslation();
  const absent = useAbsentPhotoText();
  const name = photoName(photo);
  return (
    <div role="listitem" aria-posinset={index + 1} aria-setsize={props.total} className={styles.cell}>
      <button
        type="button"
        className={styles.thumbnail}
        aria-label={name}
        data-photo-index={index}
        onClick={() => props.onOpen(photo.id)}
      >
        <span className={styles.picture} style={{ height: props.pictureHeight }}>
          {url ? (
            <img src={url} alt="" draggable={false} decoding="async" />
          ) : url === null ? (
            <span className={styles.missing} role="img" aria-label={absent} title={absent}>
              <FileImageOutlined />
              <span className={styles.missingText}>{absent}</span>
            </span>
          ) : (
            <Spin size="small" />
          )}
        </span>
        <span className={styles.caption}>{name}</span>
        <span className={styles.time}>
          {photo.takenAt ? formatTakenAt(photo.takenAt) : t('photos.noTime')}
        </span>
      </button>
    </div>
  );
}

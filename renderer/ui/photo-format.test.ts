import { describe, expect, it } from 'vitest';
import {
  fitScale,
  formatGps,
  formatTakenAt,
  GALLERY_GAP,
  galleryLayout,
  MAX_ZOOM,
  photoName,
  stepZoom,
  THUMBNAIL_MIN_WIDTH,
} from './photo-format';

describe('formatTakenAt', () => {
  it('shows the instant in China time, whatever the machine’s zone', () => {
    expect(formatTakenAt('2026-03-10T01:41:05.000Z')).toBe('2026-03-10 09:41');
    expect(formatTakenAt('2026-03-10T16:30:00.000Z')).toBe('2026-03-11 00:30');
    expect(formatTakenAt('not a time')).toBe('');
  });
});

describe('formatGps', () => {
  it('writes hemispheres rather than signs', () => {
    expect(formatGps({ lat: 22.7876543, lng: 100.9771234 })).toBe('22.787654°N, 100.977123°E');
    expect(formatGps({ lat: -33.8688, lng: -70.6693 })).toBe('33.868800°S, 70.669300°W');
  });
});

describe('photoName', () => {
  it('is the caption when there is one, else the file name', () => {
    expect(photoName({ caption: '  北侧裸土未覆盖 ', fileName: 'IMG_1.jpg' })).toBe('北侧裸土未覆盖');
    expect(photoName({ caption: '   ', fileName: 'IMG_1.jpg' })).toBe('IMG_1.jpg');
  });
});

describe('galleryLayout', () => {
  it('fits as many columns of the least width as the row holds', () => {
    expect(galleryLayout(0).columns).toBe(1);
    expect(galleryLayout(THUMBNAIL_MIN_WIDTH).columns).toBe(1);
    expect(galleryLayout(THUMBNAIL_MIN_WIDTH * 2 + GALLERY_GAP - 1).columns).toBe(1);
    expect(galleryLayout(THUMBNAIL_MIN_WIDTH * 2 + GALLERY_GAP).columns).toBe(2);
    expect(galleryLayout(1054).columns).toBe(6);
  });

  it('shares the width among the columns and keeps pictures 4:3', () => {
    const layout = galleryLayout(1054);
    expect(layout.cellWidth * layout.columns + GALLERY_GAP * (layout.columns - 1)).toBeLessThanOrEqual(1054);
    expect(layout.cellWidth).toBeGreaterThanOrEqual(THUMBNAIL_MIN_WIDTH);
    expect(layout.pictureHeight).toBe(Math.round((layout.cellWidth * 3) / 4));
    expect(layout.rowHeight).toBeGreaterThan(layout.pictureHeight);
  });
});

describe('zoom', () => {
  it('steps in and out, back to exactly 1, within its bounds', () => {
    expect(stepZoom(1, 1)).toBe(1.25);
    expect(stepZoom(stepZoom(1, 3), -3)).toBe(1);
    expect(stepZoom(1, -1)).toBe(1);
    expect(stepZoom(7, 5)).toBe(MAX_ZOOM);
  });

  it('fits an image to the stage on its tighter side', () => {
    expect(fitScale({ width: 1600, height: 1200 }, { width: 800, height: 800 })).toBe(0.5);
    expect(fitScale({ width: 1200, height: 1600 }, { width: 800, height: 800 })).toBe(0.5);
    expect(fitScale({ width: 640, height: 480 }, { width: 1280, height: 720 })).toBe(1.5);
    expect(fitScale({ width: 0, height: 0 }, { width: 800, height: 800 })).toBe(1);
  });
});

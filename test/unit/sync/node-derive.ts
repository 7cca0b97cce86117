// A photo's thumbnail and display copy made in Node, where the app's image workers (OffscreenCanvas)
// do not exist: decoded with jpeg-js, scaled down by averaging, encoded as JPEG at the app's sizes and
// quality. Real small JPEGs, so a test can show a synced photo has a real thumbnail.
import jpeg from 'jpeg-js';
import type { DerivedImages } from '../../../shared/photos/derive-protocol';
import { DERIVATIVE_JPEG_QUALITY, fitWithin } from '../../../shared/photos/derive-protocol';
import { encodeJpeg, type RgbaImage } from '../../../shared/photos/jpeg-encode';
import { DERIVATIVE_LONGEST_SIDE, type PhotoDerivative } from '../../../shared/photos/prepared';

function scaled(image: RgbaImage, longest: number): RgbaImage {
  const { width, height } = fitWithin(image.width, image.height, longest);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // The source pixels this one covers, averaged.
      const x0 = Math.floor((x * image.width) / width);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * image.width) / width));
      const y0 = Math.floor((y * image.height) / height);
      const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * image.height) / height));
      const sum = [0, 0, 0];
      for (let sy = y0; sy < y1; sy++)
        for (let sx = x0; sx < x1; sx++)
          for (let c = 0; c < 3; c++)
            sum[c] = (sum[c] ?? 0) + (image.data[(sy * image.width + sx) * 4 + c] ?? 0);
      const n = (x1 - x0) * (y1 - y0);
      const at = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) data[at + c] = Math.round((sum[c] ?? 0) / n);
      data[at + 3] = 255;
    }
  }
  return { width, height, data };
}

const copy = (image: RgbaImage): PhotoDerivative => ({
  blob: new Blob([encodeJpeg(image, Math.round(DERIVATIVE_JPEG_QUALITY * 100)) as Uint8Array<ArrayBuffer>], {
    type: 'image/jpeg',
  }),
  width: image.width,
  height: image.height,
});

export async function nodeDerive(original: Blob): Promise<DerivedImages> {
  const decoded = jpeg.decode(new Uint8Array(await original.arrayBuffer()), { useTArray: true });
  const image: RgbaImage = { width: decoded.width, height: decoded.height, data: decoded.data };
  const display = scaled(image, DERIVATIVE_LONGEST_SIDE.display);
  return {
    width: image.width,
    height: image.height,
    display: copy(display),
    thumbnail: copy(scaled(display, DERIVATIVE_LONGEST_SIDE.thumbnail)),
  };
}

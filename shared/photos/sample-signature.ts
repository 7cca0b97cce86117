// A generated handwritten-looking signature (签名) as a small JPEG: visits are signed off by the inspector
// and the site's representative, and the signature image is stored like a photo blob, by its hash.
import { createRng } from '../sample/random';
import { encodeJpeg, type JpegEncoder, type RgbaImage } from './jpeg-encode';

const INK: readonly [number, number, number] = [25, 35, 90];

function drawSignature(seed: number, width: number, height: number): RgbaImage {
  const rng = createRng(seed);
  const data = new Uint8Array(width * height * 4).fill(255);
  const dot = (x: number, y: number): void => {
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        const px = Math.round(x) + dx;
        const py = Math.round(y) + dy;
        if (px < 0 || py < 0 || px >= width || py >= height || Math.abs(dx) + Math.abs(dy) > 1) continue;
        const i = (py * width + px) * 4;
        data[i] = INK[0];
        data[i + 1] = INK[1];
        data[i + 2] = INK[2];
      }
    }
  };
  // Two or three "characters", each a few looping strokes, then a flourish underneath.
  const glyphs = rng.int(2, 3);
  for (let g = 0; g < glyphs; g++) {
    const cx = width * (0.2 + (0.6 * (g + 0.5)) / glyphs);
    const cy = height * 0.45;
    for (let s = 0; s < rng.int(2, 4); s++) {
      const fx = rng.float(1, 3);
      const fy = rng.float(1, 3);
      const phase = rng.float(0, Math.PI * 2);
      const rx = width * rng.float(0.05, 0.1);
      const ry = height * rng.float(0.15, 0.3);
      for (let t = 0; t < 1; t += 0.002) {
        const a = t * Math.PI * 2;
        dot(cx + rx * Math.sin(fx * a + phase) + (t - 0.5) * rx, cy + ry * Math.sin(fy * a));
      }
    }
  }
  const y0 = height * rng.float(0.72, 0.85);
  for (let x = width * 0.15; x < width * 0.85; x += 0.5) dot(x, y0 + Math.sin(x / 17) * 3);
  return { width, height, data };
}

const SIGNATURE_QUALITY = 75;

export function makeSignatureImage(seed: number, width = 240, height = 80): Uint8Array {
  return encodeJpeg(drawSignature(seed, width, height), SIGNATURE_QUALITY);
}

/** The same signature through another encoder (the browser's own, in the app). */
export function encodeSignatureImage(encoder: JpegEncoder, seed: number, width = 240, height = 80) {
  return encoder(drawSignature(seed, width, height), SIGNATURE_QUALITY, null);
}

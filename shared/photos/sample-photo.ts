// Generated "site photos" for the sample campaign and tests: a seeded picture of a construction site
// (sky, hills, ground, buildings going up, a tower crane, the blue site fence, a spoil heap) encoded as a
// real JPEG with EXIF time and GPS. Real bytes exercise the same import, hashing, thumbnail and EXIF
// paths as a phone photo, and the same seed always gives the same bytes.
import { createRng, type Rng } from '../sample/random';
import { buildExif } from './exif-writer';
import { encodeJpeg, type JpegEncoder, type RgbaImage } from './jpeg-encode';

type Rgb = readonly [number, number, number];

export interface SamplePhotoOptions {
  /** Picks the scene: the same seed draws the same site. */
  seed: number;
  width?: number;
  height?: number;
  quality?: number;
  /**
   * After rectification (整改后): the same scene with the spoil heap under a green dust net and the
   * fence closed, so before/after photos of one spot can be shown side by side.
   */
  rectified?: boolean;
  camera: { make: string; model: string };
  /** Wall-clock time at the site, "YYYY-MM-DDTHH:MM:SS", and its UTC offset ("+08:00"). */
  localDateTime: string;
  offset: string;
  gps: { lat: number; lng: number; altitude: number } | null;
}

export interface SamplePhoto {
  bytes: Uint8Array;
  width: number;
  height: number;
}

class Canvas {
  readonly data: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Uint8Array(width * height * 4).fill(255);
  }

  set(x: number, y: number, [r, g, b]: Rgb): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (y * this.width + x) * 4;
    this.data[i] = r;
    this.data[i + 1] = g;
    this.data[i + 2] = b;
  }

  rect(x0: number, y0: number, x1: number, y1: number, color: Rgb): void {
    const xa = Math.max(0, Math.round(Math.min(x0, x1)));
    const xb = Math.min(this.width, Math.round(Math.max(x0, x1)));
    const ya = Math.max(0, Math.round(Math.min(y0, y1)));
    const yb = Math.min(this.height, Math.round(Math.max(y0, y1)));
    for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) this.set(x, y, color);
  }

  /** A straight line of the given thickness (a square brush stepped along it). */
  line(x0: number, y0: number, x1: number, y1: number, thickness: number, color: Rgb): void {
    const steps = Math.max(1, Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))));
    const half = thickness / 2;
    for (let s = 0; s <= steps; s++) {
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      this.rect(x - half, y - half, x + half, y + half, color);
    }
  }
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];
const shade = (c: Rgb, f: number): Rgb => [
  Math.min(255, Math.round(c[0] * f)),
  Math.min(255, Math.round(c[1] * f)),
  Math.min(255, Math.round(c[2] * f)),
];

const SKIES: readonly (readonly [Rgb, Rgb])[] = [
  [
    [70, 130, 200],
    [190, 215, 235],
  ], // clear
  [
    [150, 155, 165],
    [205, 208, 212],
  ], // overcast
  [
    [120, 160, 200],
    [225, 220, 205],
  ], // hazy
];
const CRANE_COLOURS: readonly Rgb[] = [
  [235, 190, 30],
  [225, 120, 30],
  [200, 50, 40],
];
const FENCE_COLOURS: readonly Rgb[] = [
  [40, 90, 170],
  [30, 120, 80],
];

function drawCrane(c: Canvas, rng: Rng, groundY: number): void {
  const w = c.width;
  const h = c.height;
  const colour = rng.pick(CRANE_COLOURS);
  const x = rng.float(0.15, 0.85) * w;
  const top = rng.float(0.08, 0.2) * h;
  const mastHalf = Math.max(2, w * 0.008);
  const t = Math.max(1, w / 400);
  // Mast: two chords and diagonal lacing.
  c.line(x - mastHalf, groundY, x - mastHalf, top, t, colour);
  c.line(x + mastHalf, groundY, x + mastHalf, top, t, colour);
  const step = mastHalf * 3;
  for (let y = groundY; y > top + step; y -= step) {
    c.line(x - mastHalf, y, x + mastHalf, y - step, t, colour);
    c.line(x - mastHalf, y - step, x + mastHalf, y - step, t, colour);
  }
  // Jib to one side, counter-jib with its counterweight to the other.
  const dir = rng.chance(0.5) ? 1 : -1;
  const jib = rng.float(0.25, 0.4) * w;
  const counter = jib * 0.35;
  c.line(x - dir * counter, top, x + dir * jib, top, t * 2, colour);
  c.line(x, top - h * 0.05, x + dir * jib * 0.6, top, t, colour); // tie
  c.line(x, top - h * 0.05, x - dir * counter, top, t, colour);
  c.rect(x - dir * counter, top, x - dir * counter * 0.7, top + h * 0.03, [90, 90, 95]);
  // Cab, trolley and hook with a hanging load.
  c.rect(x - mastHalf * 2, top + h * 0.005, x + mastHalf * 2, top + h * 0.03, [230, 230, 225]);
  const trolley = x + dir * jib * rng.float(0.3, 0.9);
  const hookY = top + rng.float(0.1, 0.35) * h;
  c.line(trolley, top, trolley, hookY, Math.max(1, t / 2), [40, 40, 40]);
  c.rect(trolley - w * 0.02, hookY, trolley + w * 0.02, hookY + h * 0.02, [120, 100, 80]);
}

function drawBuilding(c: Canvas, rng: Rng, x0: number, x1: number, groundY: number): void {
  const h = c.height;
  const floors = rng.int(4, 14);
  const floorH = h * rng.float(0.022, 0.03);
  const top = groundY - floors * floorH;
  const concrete: Rgb = [rng.int(150, 185), rng.int(148, 180), rng.int(140, 170)];
  c.rect(x0, top, x1, groundY, concrete);
  const bays = Math.max(2, Math.round((x1 - x0) / (c.width * 0.035)));
  const bayW = (x1 - x0) / bays;
  for (let f = 0; f < floors; f++) {
    const y = top + f * floorH;
    c.rect(x0, y, x1, y + Math.max(1, floorH * 0.15), shade(concrete, 0.8)); // slab edge
    for (let b = 0; b < bays; b++) {
      const wx = x0 + b * bayW + bayW * 0.25;
      c.rect(wx, y + floorH * 0.35, wx + bayW * 0.5, y + floorH * 0.85, [55, 60, 70]); // opening
    }
  }
  // The top floors are still wrapped in green safety mesh (密目安全网).
  const meshFloors = rng.int(1, Math.min(4, floors));
  c.rect(x0 - 2, top - floorH * 0.5, x1 + 2, top + meshFloors * floorH, [60, 130, 70]);
  for (let x = x0; x < x1; x += 4)
    c.line(x, top - floorH * 0.5, x, top + meshFloors * floorH, 1, [75, 150, 85]);
}

/** Paints the scene; exported so tests and previews can look at pixels without decoding a JPEG. */
export function renderSiteScene(seed: number, width: number, height: number, rectified = false): RgbaImage {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16) {
    throw new RangeError(`bad photo size ${String(width)}×${String(height)}`);
  }
  const rng = createRng(seed);
  const c = new Canvas(width, height);
  const horizon = Math.round(height * rng.float(0.45, 0.58));
  const [skyTop, skyLow] = rng.pick(SKIES);

  // Sky gradient, then a ridge of hills made of two sine waves.
  for (let y = 0; y < horizon; y++) c.rect(0, y, width, y + 1, mix(skyTop, skyLow, y / horizon));
  const hill: Rgb = [rng.int(80, 110), rng.int(110, 140), rng.int(100, 125)];
  const p1 = rng.float(0, Math.PI * 2);
  const p2 = rng.float(0, Math.PI * 2);
  for (let x = 0; x < width; x++) {
    const u = x / width;
    const ridge = horizon - height * (0.05 + 0.04 * Math.sin(u * 5 + p1) + 0.025 * Math.sin(u * 13 + p2));
    c.rect(x, ridge, x + 1, horizon, mix(hill, skyLow, 0.35));
  }

  // Bare ground: ochre to brown towards the camera, with a little seeded grain.
  const dirt: Rgb = [rng.int(150, 180), rng.int(115, 140), rng.int(80, 100)];
  const near = shade(dirt, 0.75);
  for (let y = horizon; y < height; y++) {
    const base = mix(dirt, near, (y - horizon) / (height - horizon));
    for (let x = 0; x < width; x++) {
      const grain = (rng.uint32() & 15) - 8;
      c.set(x, y, [base[0] + grain, base[1] + grain, base[2] + grain]);
    }
  }
  for (let k = 0; k < 3; k++) {
    // wheel tracks
    const x = rng.float(0.1, 0.9) * width;
    c.line(
      x,
      height,
      x + rng.float(-0.3, 0.3) * width,
      horizon + 2,
      Math.max(2, width / 120),
      shade(dirt, 0.6),
    );
  }

  // Buildings going up along the horizon, and the crane over them.
  const groundY = horizon + Math.round(height * 0.04);
  const count = rng.int(2, 4);
  for (let i = 0; i < count; i++) {
    const x0 = ((i + rng.float(0.05, 0.3)) / count) * width;
    const x1 = x0 + rng.float(0.12, 0.2) * width;
    drawBuilding(c, rng, x0, Math.min(x1, width - 2), groundY);
  }
  drawCrane(c, rng, groundY);

  // The site fence (围挡): panels with a white band on top and seams; before rectification one
  // stretch is missing, afterwards it is closed.
  const fenceTop = Math.round(horizon + (height - horizon) * 0.3);
  const fenceBottom = fenceTop + Math.round(height * 0.07);
  const fence = rng.pick(FENCE_COLOURS);
  const gapAt = rng.float(0.55, 0.8) * width;
  const gapWidth = width * 0.12;
  const panel = width / 24;
  for (let x = 0; x < width; x += panel) {
    if (!rectified && x + panel > gapAt && x < gapAt + gapWidth) continue;
    c.rect(x, fenceTop, x + panel - 1, fenceBottom, fence);
    c.rect(x, fenceTop, x + panel - 1, fenceTop + (fenceBottom - fenceTop) * 0.2, [235, 235, 235]);
  }

  // A spoil heap in front: bare earth before, under green dust netting after (物料100%覆盖).
  const cx = rng.float(0.2, 0.5) * width;
  const rx = rng.float(0.15, 0.25) * width;
  const ry = rng.float(0.1, 0.16) * height;
  const baseY = height - rng.float(0.02, 0.08) * height;
  const earth: Rgb = [rng.int(120, 145), rng.int(90, 105), rng.int(60, 75)];
  for (let y = Math.floor(baseY - ry); y < baseY; y++) {
    const dy = (baseY - y) / ry;
    const half = rx * Math.sqrt(Math.max(0, 1 - dy * dy));
    for (let x = Math.floor(cx - half); x < cx + half; x++) {
      if (rectified) {
        const net = (x + y) % 6 === 0 || (x - y + 600) % 6 === 0;
        c.set(x, y, net ? [30, 90, 45] : [55, 140, 70]);
      } else {
        c.set(x, y, shade(earth, 0.85 + 0.3 * dy + ((rng.uint32() & 7) - 4) / 100));
      }
    }
  }
  return { width, height, data: c.data };
}

/** The pixels and EXIF of a site photo, before encoding. */
function drawSamplePhoto(options: SamplePhotoOptions): { image: RgbaImage; exif: Uint8Array } {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const image = renderSiteScene(options.seed, width, height, options.rectified ?? false);
  const exif = buildExif({
    make: options.camera.make,
    model: options.camera.model,
    orientation: 1,
    localDateTime: options.localDateTime,
    offset: options.offset,
    gps: options.gps,
  });
  return { image, exif };
}

/** A site photo as JPEG bytes with EXIF camera, time (with offset) and GPS. */
export function makeSamplePhoto(options: SamplePhotoOptions): SamplePhoto {
  const { image, exif } = drawSamplePhoto(options);
  return { bytes: encodeJpeg(image, options.quality ?? 80, exif), width: image.width, height: image.height };
}

/** The same photo through another encoder (the browser's own, in the app). */
export async function encodeSamplePhoto(
  encoder: JpegEncoder,
  options: SamplePhotoOptions,
): Promise<SamplePhoto> {
  const { image, exif } = drawSamplePhoto(options);
  return {
    bytes: await encoder(image, options.quality ?? 80, exif),
    width: image.width,
    height: image.height,
  };
}

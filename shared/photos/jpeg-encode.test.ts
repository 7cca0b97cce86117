import jpeg from 'jpeg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeJpeg } from './jpeg-encode';

const image = {
  width: 24,
  height: 10,
  data: Uint8Array.from({ length: 24 * 10 * 4 }, (_, i) => (i * 37) % 256),
};

const host = globalThis as { Buffer?: unknown };
const realBuffer = host.Buffer;

afterEach(() => {
  host.Buffer = realBuffer;
});

describe('encodeJpeg', () => {
  it('returns a plain Uint8Array holding a JPEG of the right size', () => {
    const bytes = encodeJpeg(image, 80);
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype); // not a Node Buffer
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    const decoded = jpeg.decode(bytes, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([24, 10]);
  });

  it('works where there is no Buffer, as in a browser bundle, with the same bytes', () => {
    const inNode = encodeJpeg(image, 80);
    host.Buffer = undefined;
    const withoutBuffer = encodeJpeg(image, 80);
    expect(host.Buffer).toBeUndefined(); // the stand-in is gone again
    expect(withoutBuffer).toEqual(inNode);
  });

  it('rejects RGBA data of the wrong size', () => {
    expect(() => encodeJpeg({ ...image, height: 11 }, 80)).toThrow(RangeError);
  });
});

// Known answers for both SHA-256 forms, and their agreement with each other and with Node's crypto.
// A test runs in Node, and Node's own SHA-256 is the independent oracle for the large input.
// eslint-disable-next-line no-restricted-imports
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256HexSync } from './sha256';

const utf8 = new TextEncoder();

describe('SHA-256', () => {
  it('matches the FIPS 180-2 test vectors', async () => {
    const vectors: [string, string][] = [
      ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
      [
        'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
        '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
      ],
    ];
    for (const [text, digest] of vectors) {
      expect(await sha256Hex(utf8.encode(text))).toBe(digest);
      expect(sha256HexSync(utf8.encode(text))).toBe(digest);
    }
  });

  it('agrees with node:crypto on a 1 MB input', async () => {
    const bytes = Uint8Array.from({ length: 1024 * 1024 }, (_, i) => (i * 31 + (i >> 8)) & 255);
    const expected = createHash('sha256').update(bytes).digest('hex');
    expect(sha256HexSync(bytes)).toBe(expected);
    expect(await sha256Hex(bytes)).toBe(expected);
  });

  it('agrees between WebCrypto and the synchronous implementation at every length', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(sha256HexSync(bytes)).toBe(await sha256Hex(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('hashes a prefix when given a length, and views into a larger buffer', async () => {
    const bytes = utf8.encode('abcdef');
    expect(sha256HexSync(bytes, 3)).toBe(await sha256Hex(utf8.encode('abc')));
    expect(await sha256Hex(bytes.subarray(0, 3))).toBe(await sha256Hex(utf8.encode('abc')));
    expect(() => sha256HexSync(bytes, 7)).toThrow(RangeError);
  });
});

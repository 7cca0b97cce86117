import { describe, expect, it } from 'vitest';
import { UUID_V7, uuidv7Time } from '../ids/uuidv7';
import { sampleUuidv7 } from './ids';
import { createRng } from './random';

describe('sampleUuidv7', () => {
  it('makes RFC 9562 version-7 ids carrying the timestamp', () => {
    const rng = createRng(1);
    for (const ms of [0, 1, 1_772_000_000_000, 2 ** 48 - 1]) {
      const id = sampleUuidv7(ms, rng.randomSource);
      expect(id).toMatch(UUID_V7);
      expect(uuidv7Time(id)).toBe(ms);
    }
  });

  it('depends only on the timestamp and the random bytes (no per-process counter)', () => {
    const first = sampleUuidv7(1_772_000_000_000, createRng(2).randomSource);
    sampleUuidv7(1_772_000_000_000, createRng(99).randomSource); // same millisecond in between
    expect(sampleUuidv7(1_772_000_000_000, createRng(2).randomSource)).toBe(first);
  });

  it('rejects timestamps outside 48 bits', () => {
    const rng = createRng(1);
    expect(() => sampleUuidv7(-1, rng.randomSource)).toThrow(RangeError);
    expect(() => sampleUuidv7(2 ** 48, rng.randomSource)).toThrow(RangeError);
  });
});

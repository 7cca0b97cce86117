import { describe, expect, it } from 'vitest';
import { createRng, hashString } from './random';

describe('createRng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 20 }, () => a.uint32());
    expect(Array.from({ length: 20 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.uint32())).not.toEqual(seqA);
  });

  it('keeps int, float and pick within their bounds', () => {
    const rng = createRng(1);
    const ints = Array.from({ length: 10_000 }, () => rng.int(-3, 5));
    expect(new Set(ints)).toEqual(new Set([-3, -2, -1, 0, 1, 2, 3, 4, 5])); // every value, nothing else
    const floats = Array.from({ length: 10_000 }, () => rng.float(2, 3));
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...floats)).toBeLessThan(3);
    const seen = new Set(Array.from({ length: 1000 }, () => rng.pick(['a', 'b', 'c'])));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.int(2, 1)).toThrow(RangeError);
  });

  it('shuffles into a permutation without touching the input', () => {
    const rng = createRng(7);
    const input = Array.from({ length: 50 }, (_, i) => i);
    const out = rng.shuffle(input);
    expect(input).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...out].sort((x, y) => x - y)).toEqual(input);
    expect(out).not.toEqual(input);
  });

  it('picks by weight', () => {
    const rng = createRng(9);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++)
      counts[
        rng.weighted([
          ['a', 9],
          ['b', 1],
        ] as const)
      ]++;
    expect(counts.a).toBeGreaterThan(8500);
    expect(counts.b).toBeGreaterThan(500);
  });

  it('forks streams that depend on the seed and label only, not on draws made before', () => {
    const a = createRng(5);
    a.uint32();
    a.uint32();
    const b = createRng(5);
    expect(a.fork('photos').uint32()).toBe(b.fork('photos').uint32());
    expect(a.fork('photos').uint32()).not.toBe(a.fork('issues').uint32());
  });

  it('fills bytes deterministically, as a RandomSource', () => {
    const x = new Uint8Array(19);
    const y = new Uint8Array(19);
    createRng(3).randomSource(x);
    createRng(3).randomSource(y);
    expect(x).toEqual(y);
    expect(x.some((v) => v !== 0)).toBe(true);
  });

  it('hashes labels stably (FNV-1a)', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
  });
});

// A small seeded pseudo-random generator for the sample campaign. Math.random cannot be seeded, and
// the sample data must come out identical for the same seed (tests compare whole campaigns), so every
// random choice in shared/sample draws from one of these.
import type { RandomSource } from '../ids/uuidv7';

export interface Rng {
  /** A uniformly distributed unsigned 32-bit integer. */
  uint32(): number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  /** A shuffled copy (Fisher–Yates); the input is not changed. */
  shuffle<T>(items: readonly T[]): T[];
  /**
   * An independent generator derived from this one's seed and a label. Each concern (projects,
   * visits, photos …) draws from its own fork, so asking for more photos does not change the issues.
   */
  fork(label: string): Rng;
  /** Fills bytes like crypto.getRandomValues; fits uuidv7's RandomSource, so ids are seeded too. */
  randomSource: RandomSource;
}

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash for fork labels. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** splitmix32: spreads one 32-bit seed into well-mixed words to fill sfc32's state. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator): 128 bits of state, passes PractRand,
 * and only needs 32-bit integer arithmetic, so it gives the same sequence in every JS engine.
 */
export function createRng(seed: number): Rng {
  const normalized = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  const init = splitmix32(normalized);
  let a = init();
  let b = init();
  let c = init();
  let d = init();

  const uint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) uint32(); // let the counter mix in before use

  const next = (): number => uint32() / 0x1_0000_0000;
  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${String(min)}, ${String(max)}): empty range`);
    return min + Math.floor(next() * (max - min + 1));
  };

  const rng: Rng = {
    uint32,
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    weighted<T>(items: readonly (readonly [T, number])[]): T {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      if (items.length === 0 || !(total > 0)) throw new RangeError('weighted pick needs a positive weight');
      let r = next() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return (items[items.length - 1] as readonly [T, number])[0];
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
    fork: (label) => createRng(hashString(label, normalized ^ 0x811c9dc5)),
    randomSource: (bytes) => {
      for (let i = 0; i < bytes.length; i += 4) {
        let word = uint32();
        for (let k = 0; k < 4 && i + k < bytes.length; k++) {
          bytes[i + k] = word & 0xff;
          word >>>= 8;
        }
      }
    },
  };
  return rng;
}

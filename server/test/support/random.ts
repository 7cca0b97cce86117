// A seeded random source (mulberry32) for the fault runs: the seed is printed, and the same seed
// makes the same decisions, so a failure can be replayed with DUCHA_FAULT_SEED.
export class Random {
  private state: number;

  constructor(readonly seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** An integer in [from, to]. */
  between(from: number, to: number): number {
    return from + Math.floor(this.next() * (to - from + 1));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from nothing');
    return items[this.between(0, items.length - 1)] as T;
  }
}

/** The run's seed: from DUCHA_FAULT_SEED when replaying, otherwise a new one (printed by the caller). */
export const seedFromEnvironment = (): number =>
  process.env.DUCHA_FAULT_SEED ? Number(process.env.DUCHA_FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);

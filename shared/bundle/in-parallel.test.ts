import { describe, expect, it } from 'vitest';
import { inParallel } from './in-parallel';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('inParallel', () => {
  it('keeps the order of the items and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const results = await inParallel([5, 1, 4, 2, 3], 2, async (n, index) => {
      running++;
      most = Math.max(most, running);
      await tick();
      running--;
      return `${String(index)}:${String(n * 10)}`;
    });
    expect(results).toEqual(['0:50', '1:10', '2:40', '3:20', '4:30']);
    expect(most).toBe(2);
  });

  it('starts no new item after a failure, and rejects with it once the running ones finish', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = inParallel([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      await tick();
      if (n === 2) throw new Error('stick pulled');
      // Item 1 is still running when item 2 fails.
      for (let i = 0; i < 3; i++) await tick();
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('stick pulled');
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([1]);
  });
});

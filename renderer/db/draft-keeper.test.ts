import { describe, expect, it } from 'vitest';
import { createDraftKeeper, sameValues } from './draft-keeper';

/** A hand-driven clock: timers run only when the test advances it. */
function fakeClock() {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    setTimer: (run: () => void, ms: number) => {
      const id = next++;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    advance: (ms: number) => {
      now += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= now) {
          timers.delete(id);
          timer.run();
        }
      }
    },
  };
}

function keeperWithLog(delayMs = 500) {
  const clock = fakeClock();
  const log: string[] = [];
  const keeper = createDraftKeeper<string>({
    write: async (values) => {
      await Promise.resolve();
      log.push(`write ${values}`);
    },
    remove: async () => {
      await Promise.resolve();
      log.push('remove');
    },
    delayMs,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  });
  return { clock, log, keeper };
}

const settled = () => new Promise((r) => setTimeout(r, 0));

describe('a draft keeper', () => {
  it('writes once after a pause in typing, the latest values only', async () => {
    const { clock, log, keeper } = keeperWithLog();
    keeper.keep('晴');
    clock.advance(300);
    keeper.keep('晴，');
    clock.advance(300);
    keeper.keep('晴，微风');
    expect(keeper.pending()).toBe(true);
    clock.advance(499);
    await settled();
    expect(log).toEqual([]);
    clock.advance(1);
    await settled();
    expect(log).toEqual(['write 晴，微风']);
    expect(keeper.pending()).toBe(false);
  });

  it('writes what is waiting at once when flushed (page hidden, form gone), and only once', async () => {
    const { clock, log, keeper } = keeperWithLog();
    keeper.keep('85');
    await keeper.flush();
    expect(log).toEqual(['write 85']);
    clock.advance(1000);
    await keeper.flush();
    await settled();
    expect(log).toEqual(['write 85']);
  });

  it('never brings a draft back after it was cleared: removal waits for a write already started', async () => {
    const { clock, log, keeper } = keeperWithLog();
    keeper.keep('a');
    void keeper.flush();
    keeper.keep('b');
    await keeper.clear();
    clock.advance(1000);
    await settled();
    expect(log).toEqual(['write a', 'remove']);
    expect(keeper.pending()).toBe(false);
  });

  it('drops waiting values when cancelled, writing and removing nothing', async () => {
    const { clock, log, keeper } = keeperWithLog();
    keeper.keep('x');
    keeper.cancel();
    clock.advance(1000);
    await keeper.flush();
    expect(log).toEqual([]);
  });

  it('goes on after a write failed, and reports it', async () => {
    const errors: unknown[] = [];
    const written: string[] = [];
    let fail = true;
    const keeper = createDraftKeeper<string>({
      write: (values) => {
        if (fail) return Promise.reject(new Error('QuotaExceededError'));
        written.push(values);
        return Promise.resolve();
      },
      remove: () => Promise.resolve(),
      onError: (e) => errors.push(e),
    });
    keeper.keep('first');
    await keeper.flush();
    fail = false;
    keeper.keep('second');
    await keeper.flush();
    expect(errors).toHaveLength(1);
    expect(written).toEqual(['second']);
  });
});

describe('sameValues', () => {
  it('ignores key order and undefined keys, and sees any other difference', () => {
    expect(sameValues({ a: 1, b: { c: [1, 2], d: undefined } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(sameValues({ a: 1, b: { c: [1, 2] } }, { a: 1, b: { c: [2, 1] } })).toBe(false);
    expect(sameValues({ weather: '' }, { weather: null })).toBe(false);
  });
});

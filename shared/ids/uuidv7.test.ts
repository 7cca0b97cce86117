import { describe, expect, it } from 'vitest';
import { UUID_V7, uuidv7, uuidv7Time } from './uuidv7';

describe('uuidv7', () => {
  it('has the version and variant bits and carries its time', () => {
    const id = uuidv7(1_764_000_000_000);
    expect(id).toMatch(UUID_V7);
    expect(uuidv7Time(id)).toBe(1_764_000_000_000);
  });

  it('sorts in creation order, even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => uuidv7(1_764_000_000_000 + Math.floor(i / 500)));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

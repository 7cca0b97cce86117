import { describe, expect, it } from 'vitest';
import { labelOrName } from './select-label';

describe('labelOrName', () => {
  const render = labelOrName(new Map([['u-retired', '思茅林业局']]), '（未知）');

  it("keeps an option's own label", () => {
    expect(render({ value: 'u-1', label: '思茅住建局' })).toBe('思茅住建局');
  });

  it('names a value not among the options from the lists, or as unknown — never by its id', () => {
    expect(render({ value: 'u-retired' })).toBe('思茅林业局');
    expect(render({ value: 'u-retired', label: 'u-retired' })).toBe('思茅林业局');
    expect(render({ value: '019e4842-d500-7f8a-9601-edce4e4a4933' })).toBe('（未知）');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigrams, matchesQuery, normalizeForSearch } from './grams';

describe('Chinese search grams', () => {
  it('splits Chinese text into character bigrams, folding width and case', () => {
    expect(bigrams('扬尘治理')).toEqual(['扬尘', '尘治', '治理']);
    expect(bigrams('ＰＭ２.５超标')).toEqual(['pm', 'm2', '5超', '超标']);
    expect(normalizeForSearch('  东侧 围挡，缺口 ')).toEqual(['东侧', '围挡', '缺口']);
  });

  it('finds a two-character term anywhere in a title, and not across a punctuation break', () => {
    expect(matchesQuery('施工现场东侧约30米未围挡', '围挡')).toBe(true);
    expect(matchesQuery('施工现场东侧约30米未围挡', '挡围')).toBe(false);
    expect(matchesQuery('东侧围，挡板缺失', '围挡')).toBe(false);
  });

  it('never misses: every substring query’s bigrams are among the text’s', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'扬尘治理围挡覆盖冲洗硬化渣土污水管网'),
          minLength: 2,
          maxLength: 30,
        }),
        fc.nat(),
        fc.integer({ min: 2, max: 6 }),
        (text, start, length) => {
          const from = start % (text.length - 1);
          const query = text.slice(from, from + length);
          const grams = new Set(bigrams(text));
          expect(bigrams(query).every((g) => grams.has(g))).toBe(true);
          expect(matchesQuery(text, query)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

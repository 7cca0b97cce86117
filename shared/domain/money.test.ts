import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Fen, formatWan, parseWan, parseYuan, ratio, sumFen } from './money';

describe('money in 万元', () => {
  it('parses the amounts of the speeches exactly', () => {
    expect(parseWan('3422.5')).toBe(3_422_500_000);
    expect(parseWan('835')).toBe(835_000_000);
    expect(parseWan('15,000')).toBe(15_000_000_000); // 1.5亿元
    expect(parseWan('0.0001')).toBe(100); // 1 元
    expect(parseWan('-2.5')).toBe(-2_500_000);
  });

  it('refuses what it cannot hold exactly', () => {
    expect(parseWan('1.0000001')).toBeNull();
    expect(parseWan('12a')).toBeNull();
    expect(parseWan('')).toBeNull();
    expect(parseWan('1e5')).toBeNull();
  });

  it('sums thousands of amounts without drift, unlike floats', () => {
    const amounts = Array.from({ length: 5000 }, () => parseWan('0.1') as Fen);
    expect(formatWan(sumFen(amounts), 4)).toBe('500.0000');
    let float = 0;
    for (let i = 0; i < 5000; i++) float += 0.1;
    expect(float).not.toBe(500); // the drift we avoid
  });

  it('round-trips any amount with four decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (tenThousandths) => {
        const text = (tenThousandths < 0 ? '-' : '') + formatFixed(Math.abs(tenThousandths));
        const parsed = parseWan(text);
        expect(parsed).not.toBeNull();
        expect(formatWan(parsed as Fen, 4)).toBe(tenThousandths === 0 ? '0.0000' : text);
      }),
      { numRuns: 500 },
    );
  });

  it('formats with rounding half away from zero', () => {
    expect(formatWan(parseWan('1.005') as Fen, 2)).toBe('1.01');
    expect(formatWan(parseWan('-1.005') as Fen, 2)).toBe('-1.01');
    expect(formatWan(parseWan('1940') as Fen, 0)).toBe('1940');
  });

  it('parses 元 and computes ratios', () => {
    expect(parseYuan('1500.25')).toBe(150_025);
    expect(ratio(parseWan('60') as Fen, parseWan('100') as Fen)).toBeCloseTo(0.6);
    expect(ratio(parseWan('1') as Fen, 0 as Fen)).toBeNull();
  });
});

function formatFixed(tenThousandths: number): string {
  const whole = Math.floor(tenThousandths / 10000);
  const frac = String(tenThousandths % 10000).padStart(4, '0');
  return `${whole}.${frac}`;
}

describe('formatWanExact', () => {
  it('gives the shortest text that parses back to the same fen', async () => {
    const { formatWanExact } = await import('./money');
    expect(formatWanExact(parseWan('6800') as Fen)).toBe('6800');
    expect(formatWanExact(parseWan('3422.5') as Fen)).toBe('3422.5');
    expect(formatWanExact(150_025 as Fen)).toBe('0.150025'); // 1500.25 元 keeps its fen
    expect(parseWan(formatWanExact(150_025 as Fen))).toBe(150_025);
  });
});

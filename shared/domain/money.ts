// Money is held as an integer number of fen (分, 0.01 元) so that sums never drift.
// The ledger speaks in 万元 (10,000 元); conversion goes through decimal strings, never floats.
import { z } from 'zod';

export type Fen = number & { readonly __brand: 'Fen' };

const FEN_PER_WAN = 1_000_000n; // 1 万元 = 10,000 元 = 1,000,000 分

export const FenSchema = z
  .number()
  .int()
  .refine((n) => Number.isSafeInteger(n), 'amount out of range')
  .transform((n) => n as Fen);

export const fen = (n: number): Fen => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an exact amount in fen: ${n}`);
  return n as Fen;
};

const DECIMAL = /^\s*(-)?(\d+)(?:\.(\d+))?\s*$/;

/** Parses a 万元 amount written as a decimal string ("3422.5") into fen, exactly; null if malformed. */
export function parseWan(text: string): Fen | null {
  const m = DECIMAL.exec(text.replace(/,/g, ''));
  if (!m) return null;
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.length > 6) return null; // finer than 0.01 元 cannot be held
  const total = BigInt(whole) * FEN_PER_WAN + BigInt(frac.padEnd(6, '0'));
  const signed = sign ? -total : total;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) return null;
  return Number(signed) as Fen;
}

/** Parses a 元 amount ("1500.25") into fen; null if malformed. */
export function parseYuan(text: string): Fen | null {
  const m = DECIMAL.exec(text.replace(/,/g, ''));
  if (!m) return null;
  const [, sign, whole = '0', frac = ''] = m;
  if (frac.length > 2) return null;
  const total = BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  return Number(sign ? -total : total) as Fen;
}

/** Formats fen as 万元 with the given number of decimals, rounding half away from zero. */
export function formatWan(amount: Fen, decimals = 2): string {
  const negative = amount < 0;
  const abs = BigInt(Math.abs(amount));
  const scale = 10n ** BigInt(6 - decimals);
  const rounded = (abs + scale / 2n) / scale;
  const unit = 10n ** BigInt(decimals);
  const whole = rounded / unit;
  const frac = (rounded % unit).toString().padStart(decimals, '0');
  const text = decimals > 0 ? `${whole}.${frac}` : `${whole}`;
  return negative && rounded !== 0n ? `-${text}` : text;
}

/**
 * The shortest exact 万元 text of an amount, for editing ("3422.5", "6800", "0.150025"): six decimals
 * hold every fen, so what a form shows and saves back never rounds a stored amount.
 */
export function formatWanExact(amount: Fen): string {
  return formatWan(amount, 6).replace(/\.?0+$/, '');
}

export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const a of amounts) total += a;
  if (!Number.isSafeInteger(total)) throw new RangeError('sum of amounts out of range');
  return total as Fen;
}

/** A ratio of two amounts (e.g. 年度投资完成率) as a fraction, or null when the base is zero. */
export function ratio(part: Fen, whole: Fen): number | null {
  return whole === 0 ? null : part / whole;
}

// 排名: counties ranked by their rectification figures, by a rule the dashboard states in words above
// the ranking: by rectification rate, highest first; on equal rates, by on-time close-out rate, highest
// first; then by fewer overdue issues; counties equal on all three share a rank ("并列第3") and the next
// rank skips (1, 2, 3, 3, 5). A county where nothing was found has no rate and is not ranked.
import type { RectificationFigure } from './rectification';

export interface Ranked<K> {
  key: K;
  figure: RectificationFigure;
  /** 1 for the first; null when the county is not ranked (nothing found). */
  rank: number | null;
  /** Whether another county shares the rank. */
  tied: boolean;
}

type RankedFigure = RectificationFigure & { rectificationRate: number };

/**
 * Negative when `a` ranks before `b`, zero when they tie. A county with nothing closed has no on-time
 * rate; it ranks after one whose closed issues were all late (its rate is 0 — it has closed something).
 */
export function compareByRankingRule(a: RankedFigure, b: RankedFigure): number {
  return (
    b.rectificationRate - a.rectificationRate ||
    (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
    a.overdue - b.overdue
  );
}

const isRankable = (f: RectificationFigure): f is RankedFigure => f.rectificationRate !== null;

/** Ranked first (in rank order, ties in the order given), then those not ranked, in the order given. */
export function rankCounties<K>(entries: readonly { key: K; figure: RectificationFigure }[]): Ranked<K>[] {
  const rankable = entries.filter((e): e is { key: K; figure: RankedFigure } => isRankable(e.figure));
  const ordered = rankable
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => compareByRankingRule(a.figure, b.figure) || a.i - b.i);
  const ranked: Ranked<K>[] = [];
  ordered.forEach((e, position) => {
    const previous = ranked[position - 1];
    const tiesPrevious =
      previous !== undefined && compareByRankingRule(previous.figure as RankedFigure, e.figure) === 0;
    const rank = tiesPrevious ? (previous.rank as number) : position + 1;
    if (tiesPrevious) previous.tied = true;
    ranked.push({ key: e.key, figure: e.figure, rank, tied: tiesPrevious });
  });
  const unranked = entries
    .filter((e) => !isRankable(e.figure))
    .map((e) => ({ key: e.key, figure: e.figure, rank: null, tied: false }));
  return [...ranked, ...unranked];
}

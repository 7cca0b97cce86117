/** A rate as a percent with one decimal, or a dash when it cannot be computed (zero base). */
export const formatPercent = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(1)}%`;

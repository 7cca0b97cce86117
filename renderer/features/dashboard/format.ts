// How the dashboard writes its figures.

/** A rate as a percentage with one decimal (33.3%); a dash when there is none. */
export const formatRate = (rate: number | null): string =>
  rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;

/** A target share as the office writes it: 60%, 62.5%. */
export const formatShare = (share: number): string => `${Number((share * 100).toFixed(2))}%`;

// The dashboard's colours for its series, the same in every chart: found blue, rectified or closed
// green, overdue red as the red card.
export const SERIES_COLOURS = {
  found: '#1677ff',
  rectified: '#389e0d',
  closed: '#389e0d',
  overdue: '#cf1322',
} as const;

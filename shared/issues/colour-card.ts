// Colour cards (红黄绿牌) as supervision offices use them: red once the deadline has passed, yellow
// when it falls within three days, green otherwise. A closed issue carries no card. "Today" is the
// date in the office's time zone (China Standard Time unless Settings choose another), so a laptop
// whose clock is set to another zone does not turn cards early or late.
import { daysBetween } from '../domain/dates';
import type { Issue } from '../domain/issue';

export const CARD_COLOURS = ['green', 'yellow', 'red'] as const;
export type CardColour = (typeof CARD_COLOURS)[number];

/** Days before the deadline from which the card is yellow (the deadline day itself counts as 0). */
export const YELLOW_WITHIN_DAYS = 3;

export function colourCard(issue: Pick<Issue, 'status' | 'deadline'>, today: string): CardColour | null {
  if (issue.status === 'closed') return null;
  const left = daysBetween(today, issue.deadline);
  if (left < 0) return 'red';
  if (left <= YELLOW_WITHIN_DAYS) return 'yellow';
  return 'green';
}

// The colour card (红黄绿牌) of an open issue, with how many days are left or overdue.
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../shared/domain/dates';
import type { Issue } from '../../shared/domain/issue';
import { colourCard } from '../../shared/issues/colour-card';

const TAG_COLOURS = { green: 'green', yellow: 'gold', red: 'red' } as const;

export function ColourCard({ issue, today }: { issue: Pick<Issue, 'status' | 'deadline'>; today: string }) {
  const { t } = useTranslation();
  const card = colourCard(issue, today);
  if (!card) return null;
  const left = daysBetween(today, issue.deadline);
  return (
    <Tooltip title={t(`issue.cardHint.${card}`, { days: Math.abs(left) })}>
      <Tag color={TAG_COLOURS[card]} data-testid="colour-card" data-card={card}>
        {t(`issue.card.${card}`)}
      </Tag>
    </Tooltip>
  );
}

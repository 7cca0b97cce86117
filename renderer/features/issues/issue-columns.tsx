// The columns of the issue list: what an office reads first (the problem, its status and card, the
// deadline and days left), then severity, category, units, county and when it was found.
import type { TFunction } from 'i18next';
import { daysBetween } from '../../../shared/domain/dates';
import type { Issue } from '../../../shared/domain/issue';
import type { IssueSortKey } from '../../../shared/issues/filter-params';
import { foundOn } from '../../../shared/issues/issue-filter';
import type { VirtualColumn } from '../../ui/virtual-table/VirtualTable';
import { daysLeft, type Organization } from '../../db';
import { colourCard } from '../../../shared/issues/colour-card';
import styles from './issue-list.module.css';

export function issueColumns(
  t: TFunction,
  organization: Organization | undefined,
  today: string,
  timeZone: string,
): VirtualColumn<Issue, IssueSortKey>[] {
  return [
    {
      key: 'title',
      title: t('issue.list.columns.title'),
      width: 'flex',
      sortKey: 'title',
      render: (i) => i.title,
    },
    {
      key: 'status',
      title: t('issue.fields.status'),
      width: 120,
      sortKey: 'status',
      render: (i) => <span className={styles.tag}>{t(`issue.status.${i.status}`)}</span>,
    },
    {
      key: 'card',
      title: t('issue.list.card'),
      width: 120,
      render: (i) => <CardCell issue={i} today={today} t={t} />,
    },
    {
      key: 'deadline',
      title: t('issue.fields.deadline'),
      width: 120,
      sortKey: 'deadline',
      render: (i) => i.deadline,
    },
    {
      key: 'days',
      title: t('issue.list.columns.daysLeft'),
      width: 90,
      align: 'right',
      render: (i) => (i.status === 'closed' ? '—' : daysLeft(i, today)),
    },
    {
      key: 'severity',
      title: t('issue.fields.severity'),
      width: 90,
      sortKey: 'severity',
      render: (i) => t(`severity.${i.severity}`),
    },
    {
      key: 'category',
      title: t('issue.fields.category'),
      width: 120,
      render: (i) => t(`issueCategory.${i.category}`),
    },
    {
      key: 'units',
      title: t('issue.fields.units'),
      width: 170,
      render: (i) => i.responsibleUnitIds.map((id) => organization?.unitNames.get(id) ?? id).join('、'),
    },
    {
      key: 'county',
      title: t('issue.list.county'),
      width: 130,
      render: (i) => organization?.regionNames.get(i.regionId) ?? '',
    },
    {
      key: 'found',
      title: t('issue.list.columns.found'),
      width: 110,
      sortKey: 'found',
      render: (i) => foundOn(i, timeZone),
    },
  ];
}

/** The colour card in a row: the same card as the issue page's, with its hint as a native tooltip. */
function CardCell({ issue, today, t }: { issue: Issue; today: string; t: TFunction }) {
  const card = colourCard(issue, today);
  if (!card) return null;
  const days = Math.abs(daysBetween(today, issue.deadline));
  return (
    <span
      className={`${styles.tag} ${styles[card]}`}
      title={t(`issue.cardHint.${card}`, { days })}
      data-testid="colour-card"
      data-card={card}
    >
      {t(`issue.card.${card}`)}
    </span>
  );
}

// The columns of the issue list: what an office reads first (the problem, its status and card, the
// deadline and days left), then severity, category, units, county and when it was found. On a narrow
// screen the table leaves out when it was found, the category, the days left and the severity (dropOrder).
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
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
  /** The ledger's project names by id, for the project column. */
  projectNames: ReadonlyMap<string, string> = new Map(),
  /** Each issue's team name, on a laptop holding several teams (the office's); null: no team column. */
  teamNames: ReadonlyMap<string, string> | null = null,
): VirtualColumn<Issue, IssueSortKey>[] {
  const team: VirtualColumn<Issue, IssueSortKey>[] =
    teamNames === null
      ? []
      : [
          {
            key: 'team',
            title: t('issue.list.columns.team'),
            width: 130,
            render: (i) => teamNames.get(i.id) ?? '',
          },
        ];
  return [
    {
      key: 'title',
      title: t('issue.list.columns.title'),
      width: 'flex',
      sortKey: 'title',
      render: (i) => i.title,
    },
    {
      key: 'project',
      title: t('issue.list.columns.project'),
      width: 150,
      render: (i) => <ProjectCell id={i.projectId} name={projectNames.get(i.projectId)} />,
    },
    ...team,
    {
      key: 'status',
      title: t('issue.fields.status'),
      width: 130,
      sortKey: 'status',
      render: (i) => (
        <span className={`${styles.tag} ${styles.status}`}>{t(`issue.status.${i.status}`)}</span>
      ),
    },
    {
      key: 'card',
      title: t('issue.list.card'),
      width: 110,
      render: (i) => <CardCell issue={i} today={today} t={t} />,
    },
    {
      key: 'deadline',
      title: t('issue.fields.deadline'),
      width: 100,
      sortKey: 'deadline',
      render: (i) => i.deadline,
    },
    {
      key: 'days',
      title: t('issue.list.columns.daysLeft'),
      width: 80,
      dropOrder: 3,
      align: 'right',
      render: (i) => (i.status === 'closed' ? '—' : daysLeft(i, today)),
    },
    {
      key: 'severity',
      title: t('issue.fields.severity'),
      width: 80,
      dropOrder: 2,
      sortKey: 'severity',
      render: (i) => t(`severity.${i.severity}`),
    },
    {
      key: 'category',
      title: t('issue.fields.category'),
      width: 110,
      dropOrder: 4,
      render: (i) => t(`issueCategory.${i.category}`),
    },
    {
      key: 'units',
      title: t('issue.fields.units'),
      width: 150,
      render: (i) =>
        i.responsibleUnitIds
          .map((id) => organization?.unitNames.get(id) ?? t('shell.unknownName'))
          .join('、'),
    },
    {
      key: 'county',
      title: t('issue.list.county'),
      width: 110,
      render: (i) => organization?.regionNames.get(i.regionId) ?? '',
    },
    {
      key: 'found',
      title: t('issue.list.columns.found'),
      width: 100,
      dropOrder: 5,
      sortKey: 'found',
      render: (i) => foundOn(i, timeZone),
    },
  ];
}

/** The project's name, cut short with its full name as a tooltip; a click opens the project, not the issue. */
function ProjectCell({ id, name }: { id: string; name: string | undefined }) {
  if (name === undefined) return null;
  return (
    <Link
      to={`/projects/${id}`}
      title={name}
      className={styles.ellipsis}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
    >
      {name}
    </Link>
  );
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

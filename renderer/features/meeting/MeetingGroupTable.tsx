// One responsible unit's part of the joint-meeting list: a plain table (not virtual, nothing cut off)
// so that every issue prints, with its header row repeated on each printed page.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Issue } from '../../../shared/domain/issue';
import type { MeetingGroup } from '../../../shared/issues/meeting';
import { ColourCard } from '../../ui/ColourCard';
import { DaysLeft } from '../../ui/DaysLeft';
import styles from './meeting.module.css';

/** The names a row shows, looked up by the page once for all groups. */
export interface MeetingNames {
  unitFull: (unitId: string) => string;
  unitShort: (unitId: string) => string;
  project: (projectId: string) => string;
  county: (regionId: string) => string;
  leader: (personId: string | null) => { name: string; title: string } | null;
}

/**
 * Up to this many rows a department is kept on one printed page (it starts a new page when it does not
 * fit on the rest of the current one). A longer one may not fit on any page: kept together, it would
 * only leave a page empty before it, so it runs on from where it is, its header row repeated.
 */
const KEEP_TOGETHER_ROWS = 6;

const COLUMNS = [
  'number',
  'project',
  'issue',
  'county',
  'deadline',
  'daysLeft',
  'card',
  'status',
  'leader',
  'ask',
] as const;

export function MeetingGroupTable({
  group,
  names,
  today,
}: {
  group: MeetingGroup<Issue>;
  names: MeetingNames;
  today: string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section
      className={
        group.items.length > KEEP_TOGETHER_ROWS ? styles.group : `${styles.group} ${styles.together}`
      }
      aria-labelledby={headingId}
      data-testid="meeting-group"
      data-unit-id={group.unitId}
    >
      <h4 id={headingId} className={styles.groupTitle}>
        {names.unitFull(group.unitId)}
        <span className={styles.groupCount} data-testid="meeting-group-count">
          {t('meeting.groupCount', { count: group.items.length })}
        </span>
      </h4>
      <table className={styles.table} aria-labelledby={headingId}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c} className={styles[`col-${c}`]} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col">
                {t(`meeting.columns.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {group.items.map(({ issue, coUnitIds }, n) => {
            const leader = names.leader(issue.coordinatingLeaderId);
            return (
              <tr key={issue.id} data-testid="meeting-item" data-issue-id={issue.id}>
                <td className={styles.number}>{n + 1}</td>
                <td>{names.project(issue.projectId)}</td>
                <td>
                  <Link to={`/issues/${issue.id}`}>{issue.title}</Link>
                  {coUnitIds.length > 0 && (
                    <div className={styles.secondary}>
                      {t('meeting.coUnits', { units: coUnitIds.map(names.unitShort).join('、') })}
                    </div>
                  )}
                </td>
                <td>{names.county(issue.regionId)}</td>
                <td className={styles.nowrap}>{issue.deadline}</td>
                <td>
                  <DaysLeft deadline={issue.deadline} today={today} />
                </td>
                <td>
                  <ColourCard issue={issue} today={today} />
                </td>
                <td>{t(`issue.status.${issue.status}`)}</td>
                <td>
                  {leader ? (
                    <>
                      {leader.name}
                      {leader.title && <div className={styles.secondary}>{leader.title}</div>}
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  {/* Shortened on screen (the whole text on hover and on the issue's page); whole in print. */}
                  <div className={styles.ask} title={issue.description || undefined}>
                    {issue.description || '—'}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

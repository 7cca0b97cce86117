// What the bell opens: how many issues are overdue and due within three days, the most urgent few of
// each (each opens its issue), and a way to the whole list of each kind.
import { Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Issue } from '../../../shared/domain/issue';
import { issueListPath } from '../../../shared/issues/filter-params';
import type { Reminders } from '../../db';
import { DaysLeft } from '../../ui/DaysLeft';

export function ReminderPanel({
  reminders,
  today,
  onNavigate,
}: {
  reminders: Reminders;
  today: string;
  onNavigate: () => void;
}) {
  const { t } = useTranslation();
  if (reminders.overdue === 0 && reminders.dueSoon === 0)
    return <Typography.Text type="secondary">{t('reminders.none')}</Typography.Text>;
  return (
    <Flex vertical gap={12} style={{ width: 360 }} data-testid="reminder-panel">
      <ReminderSection
        colour="red"
        heading={t('reminders.overdue', { count: reminders.overdue })}
        count={reminders.overdue}
        issues={reminders.mostOverdue}
        viewAll={t('reminders.viewAllOverdue')}
        listPath={issueListPath({ cards: ['red'] })}
        today={today}
        onNavigate={onNavigate}
      />
      <ReminderSection
        colour="gold"
        heading={t('reminders.dueSoon', { count: reminders.dueSoon })}
        count={reminders.dueSoon}
        issues={reminders.soonestDue}
        viewAll={t('reminders.viewAllDueSoon')}
        listPath={issueListPath({ cards: ['yellow'] })}
        today={today}
        onNavigate={onNavigate}
      />
    </Flex>
  );
}

function ReminderSection(props: {
  colour: 'red' | 'gold';
  heading: string;
  count: number;
  issues: Issue[];
  viewAll: string;
  listPath: string;
  today: string;
  onNavigate: () => void;
}) {
  const navigate = useNavigate();
  if (props.count === 0) return null;
  return (
    <section aria-label={props.heading}>
      <Flex justify="space-between" align="center">
        <Tag color={props.colour} data-testid={`reminder-${props.colour === 'red' ? 'overdue' : 'due-soon'}`}>
          {props.heading}
        </Tag>
        <Button
          type="link"
          size="small"
          onClick={() => {
            props.onNavigate();
            void navigate(props.listPath);
          }}
        >
          {props.viewAll}
        </Button>
      </Flex>
      <ul style={{ listStyle: 'none', margin: '6px 0 0', padding: 0 }}>
        {props.issues.map((issue) => (
          <li key={issue.id} style={{ display: 'flex', gap: 8, padding: '2px 0' }}>
            <Link
              to={`/issues/${issue.id}`}
              onClick={props.onNavigate}
              style={{
                flex: 1,
                minWidth: 0,
                overflow: 'hidden',
                textOverflow: 'ellipsis',
                whiteSpace: 'nowrap',
              }}
              title={issue.title}
            >
              {issue.title}
            </Link>
            <span style={{ flex: 'none' }}>
              <DaysLeft deadline={issue.deadline} today={props.today} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

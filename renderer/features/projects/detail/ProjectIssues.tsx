// The project's issues (问题) as cards: each with its status, colour card, deadline and days left,
// the responsible units, and a link to the issue. Open issues first, by deadline; closed ones after.
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Issue } from '../../../../shared/domain/issue';
import { type Organization, useIssueList } from '../../../db';
import { useTimeZone, useToday } from '../../../stores/clock';
import { ColourCard } from '../../../ui/ColourCard';
import { DaysLeft } from '../../../ui/DaysLeft';

const BY_DEADLINE = { key: 'deadline', order: 'asc' } as const;

export function ProjectIssues({
  projectId,
  organization,
}: {
  projectId: string;
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  const today = useToday();
  const timeZone = useTimeZone();
  const issues = useIssueList({ projectId }, BY_DEADLINE, today, timeZone);
  const ordered = useMemo(
    () => [...(issues ?? [])].sort((a, b) => Number(a.status === 'closed') - Number(b.status === 'closed')),
    [issues],
  );
  return (
    <Card
      title={t('evidence.projectIssues')}
      extra={
        issues && (
          <Typography.Text type="secondary">
            {t('evidence.projectIssuesCount', { count: issues.length })}
          </Typography.Text>
        )
      }
    >
      <section aria-label={t('evidence.projectIssues')} data-testid="project-issues">
        {issues !== undefined && issues.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.projectIssuesEmpty')} />
        ) : (
          <List<Issue>
            loading={issues === undefined}
            dataSource={ordered}
            pagination={ordered.length > 10 ? { pageSize: 10, size: 'small' } : false}
            renderItem={(issue) => (
              <List.Item data-testid="project-issue">
                <IssueCard issue={issue} today={today} organization={organization} />
              </List.Item>
            )}
          />
        )}
      </section>
    </Card>
  );
}

function IssueCard({
  issue,
  today,
  organization,
}: {
  issue: Issue;
  today: string;
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  const units = issue.responsibleUnitIds
    .map((id) => organization?.unitNames.get(id) ?? t('shell.unknownName'))
    .join('、');
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      <Space wrap>
        <Link to={`/issues/${issue.id}`}>{issue.title}</Link>
        <Tag data-testid="project-issue-status">{t(`issue.status.${issue.status}`)}</Tag>
        <ColourCard issue={issue} today={today} />
      </Space>
      <Typography.Text type="secondary">
        {t('issue.fields.deadline')} {issue.deadline}
        {issue.status !== 'closed' && ' · '}
        {issue.status !== 'closed' && <DaysLeft deadline={issue.deadline} today={today} />}
        {units && ` · ${t('issue.fields.units')}: ${units}`}
      </Typography.Text>
    </Space>
  );
}

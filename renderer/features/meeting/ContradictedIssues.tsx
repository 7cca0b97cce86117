// Issues whose steps, taken on two laptops while apart, contradict each other (closed out on one,
// extended on the other): the office decides them, so they head the joint-meeting page. Each names
// both steps, who took them and when; the issue page shows the rest and takes the deciding step.
import { Alert, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useContradictedIssues } from '../../db';
import { formatInstant } from '../../ui/format-instant';

export function ContradictedIssues() {
  const { t } = useTranslation();
  const contradicted = useContradictedIssues();
  if (!contradicted || contradicted.length === 0) return null;
  return (
    <section aria-label={t('meeting.contradicted')} className="print-hidden">
      <Alert
        type="warning"
        showIcon
        title={t('meeting.contradicted')}
        description={
          <List
            size="small"
            dataSource={contradicted}
            renderItem={({ issue, pairs }) => (
              <List.Item key={issue.id} data-testid="contradicted-issue">
                <Link to={`/issues/${issue.id}`}>{issue.title}</Link>
                {pairs.map(({ first, second }) => (
                  <div key={`${first.id}-${second.id}`}>
                    {t('meeting.contradictedPair', {
                      first: t(`issue.events.${first.kind}`),
                      firstActor: first.actorName,
                      firstAt: formatInstant(first.at),
                      second: t(`issue.events.${second.kind}`),
                      secondActor: second.actorName,
                      secondAt: formatInstant(second.at),
                    })}
                  </div>
                ))}
              </List.Item>
            )}
          />
        }
      />
    </section>
  );
}

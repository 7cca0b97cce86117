// An issue's rectification history as a timeline, with the hash chain's verdict: an entry altered
// behind the app's back is flagged in red, never silently shown as if it were what was recorded.
import { Alert, Card, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../ui/format-instant';
import { useIssueHistory } from '../../db';
import { useSession } from '../../stores/session';
import { EvidencePhotos } from './EvidencePhotos';

export function IssueHistory({ issueId }: { issueId: string }) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const history = useIssueHistory(issueId);
  if (!history) return null;
  const { events, verdict } = history;
  return (
    <Card title={t('issue.history')} data-testid="issue-history">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {verdict.ok ? (
          <Alert type="success" showIcon title={t('issue.historyIntact', { count: events.length })} />
        ) : (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('issue.historyBroken', { n: verdict.brokenAtSeq + 1 })}
          />
        )}
        <Timeline
          items={events.map((event) => ({
            key: event.id,
            color:
              !verdict.ok && event.seq >= verdict.brokenAtSeq
                ? 'red'
                : event.kind === 'closed'
                  ? 'green'
                  : 'blue',
            children: (
              <div data-testid="issue-event" data-kind={event.kind}>
                <Typography.Text strong>{t(`issue.events.${event.kind}`)}</Typography.Text>
                <Typography.Text type="secondary">
                  {' · '}
                  {event.actorName} · {formatInstant(event.at, language)}
                </Typography.Text>
                {event.note && <div>{event.note}</div>}
                {event.newDeadline && <div>{t('issue.newDeadlineLine', { date: event.newDeadline })}</div>}
                {event.evidencePhotoSha256.length > 0 && (
                  <div>
                    {t('issue.evidenceLine', { count: event.evidencePhotoSha256.length })}
                    <EvidencePhotos hashes={event.evidencePhotoSha256} />
                  </div>
                )}
              </div>
            ),
          }))}
        />
      </Space>
    </Card>
  );
}

// An issue's rectification history as a timeline, with the verdict of its hashes: an entry altered
// behind the app's back is flagged in red, never silently shown as if it were what was recorded.
// Steps taken on two laptops while apart are both shown, in clock order, with who and on which
// laptop; steps that contradict each other (closed on one, extended on the other) are named for the
// office.
import { Alert, Button, Card, Space, Tag, Timeline, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { IssueEvent, IssueStatus } from '../../../shared/domain/issue';
import { formatInstant } from '../../ui/format-instant';
import { useIssueHistory } from '../../db';
import type { Language } from '../../i18n';
import { useSession } from '../../stores/session';
import { EvidencePhotos } from './EvidencePhotos';
import type { Decision } from './StepDialog';

export function IssueHistory({
  issueId,
  status,
  onDecide,
}: {
  issueId: string;
  status?: IssueStatus;
  /** Offers, beside each contradiction, to keep one of its two steps (the office's decision). */
  onDecide?: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const history = useIssueHistory(issueId);
  if (!history) return null;
  const { entries, verdict, marks, places, contradictions } = history;
  const brokenFrom = verdict.ok ? Infinity : verdict.brokenAt;
  const apart = entries.filter((event) => marks.get(event.id)?.apart).length;
  const place = (event: IssueEvent) => places.get(event.id) ?? t('issue.unknownPlace');
  // Where a step was taken matters once a history spans laptops; on one laptop it only repeats its name.
  const manyPlaces = new Set(entries.map((event) => places.get(event.id) ?? '')).size > 1;
  return (
    <Card title={t('issue.history')} data-testid="issue-history">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {verdict.ok ? (
          <Alert
            type="success"
            showIcon
            title={t('issue.historyIntact', { count: entries.length })}
            description={apart > 0 ? t('issue.historyApart', { count: apart }) : undefined}
          />
        ) : (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('issue.historyBroken', { n: verdict.brokenAt + 1 })}
          />
        )}
        {contradictions.map(({ first, second }) => (
          <Alert
            key={`${first.id}-${second.id}`}
            type="warning"
            showIcon
            data-testid="steps-contradict"
            title={t('issue.contradiction')}
            description={t('issue.contradictionDetail', {
              ...stepWords('first', first, place(first), t, language),
              ...stepWords('second', second, place(second), t, language),
              status: status ? t(`issue.status.${status}`) : '',
            })}
            action={
              onDecide && (
                <Space direction="vertical">
                  {[first, second].map((event) => {
                    const label = t(`issue.events.${event.kind}`);
                    return (
                      <Button
                        key={event.id}
                        size="small"
                        onClick={() => onDecide({ label, status: event.toStatus })}
                      >
                        {t('issue.keepStep', { step: label })}
                      </Button>
                    );
                  })}
                </Space>
              )
            }
          />
        ))}
        <Timeline
          items={entries.map((event, index) => {
            const mark = marks.get(event.id);
            return {
              key: event.id,
              color: index >= brokenFrom ? 'red' : event.kind === 'closed' ? 'green' : 'blue',
              children: (
                <div
                  data-testid="issue-event"
                  data-kind={event.kind}
                  data-device={places.get(event.id) ?? ''}
                  data-apart={mark?.apart ? 'true' : 'false'}
                >
                  <Typography.Text strong>{t(`issue.events.${event.kind}`)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {' · '}
                    {event.actorName} · {formatInstant(event.at, language)}
                    {manyPlaces && ` · ${t('issue.eventPlace', { device: place(event) })}`}
                  </Typography.Text>
                  {mark?.apart && (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      {t('issue.apartTag')}
                    </Tag>
                  )}
                  {mark?.join && (
                    <Tag color="geekblue" style={{ marginInlineStart: 8 }}>
                      {t('issue.joinTag')}
                    </Tag>
                  )}
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
            };
          })}
        />
      </Space>
    </Card>
  );
}

function stepWords(
  which: 'first' | 'second',
  event: IssueEvent,
  place: string,
  t: TFunction,
  language: Language,
): Record<string, string> {
  return {
    [which]: t(`issue.events.${event.kind}`),
    [`${which}Actor`]: event.actorName,
    [`${which}At`]: formatInstant(event.at, language),
    [`${which}Place`]: place,
  };
}

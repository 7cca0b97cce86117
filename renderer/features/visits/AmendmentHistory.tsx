// The amendment history (修改记录) of a finalized visit: every correction with who, when, why and the
// values before and after, and whether the hash chain still holds — an entry altered behind the app's
// back is shown, not hidden.
import { Alert, Card, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/domain/visit';
import { formatInstant } from '../../ui/format-instant';
import { type Organization, useAmendments } from '../../db';
import { useSession } from '../../stores/session';
import { fieldLabel, formatAmendedValue } from './amendment-format';

export function AmendmentHistory({
  visit,
  organization,
}: {
  visit: Visit;
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const history = useAmendments(visit.id);
  if (visit.status !== 'finalized' || history === undefined) return null;
  const people = new Map((organization?.people ?? []).map((p) => [p.id, p.name]));
  const personName = (id: string) => people.get(id) ?? id;
  const { entries, verdict, marks, places } = history;
  // As in the history: the laptop is named once the amendments span more than one.
  const manyPlaces = new Set(entries.map((entry) => places.get(entry.id) ?? '')).size > 1;

  return (
    <Card title={t('amend.history')} data-testid="amendment-history">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        {entries.length === 0 ? (
          <Typography.Text type="secondary">{t('amend.noHistory')}</Typography.Text>
        ) : verdict.ok ? (
          <Alert type="success" showIcon title={t('amend.intact', { count: entries.length })} />
        ) : (
          <Alert type="error" showIcon role="alert" title={t('amend.broken', { n: verdict.brokenAt + 1 })} />
        )}
        {entries.length > 0 && (
          <Timeline
            items={entries.map((entry, index) => ({
              key: entry.id,
              color: !verdict.ok && index >= verdict.brokenAt ? 'red' : 'blue',
              children: (
                <div data-testid="amendment-entry" data-device={places.get(entry.id) ?? ''}>
                  <Typography.Text strong>
                    {t('amend.entry', {
                      n: index + 1,
                      actor: entry.actorName,
                      at: formatInstant(entry.at, language),
                    })}
                  </Typography.Text>
                  {manyPlaces && places.has(entry.id) && (
                    <Typography.Text type="secondary">
                      {' · '}
                      {t('issue.eventPlace', { device: places.get(entry.id) })}
                    </Typography.Text>
                  )}
                  {marks.get(entry.id)?.apart && (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      {t('issue.apartTag')}
                    </Tag>
                  )}
                  {marks.get(entry.id)?.join && (
                    <Tag color="geekblue" style={{ marginInlineStart: 8 }}>
                      {t('issue.joinTag')}
                    </Tag>
                  )}
                  <div>{t('amend.reasonLine', { reason: entry.reason })}</div>
                  <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                    {entry.changes.map((change) => (
                      <li key={change.field}>
                        {t('amend.change', {
                          field: fieldLabel(t, change.field),
                          before: formatAmendedValue(t, change.field, change.before, personName),
                          after: formatAmendedValue(t, change.field, change.after, personName),
                        })}
                      </li>
                    ))}
                  </ul>
                </div>
              ),
            }))}
          />
        )}
      </Space>
    </Card>
  );
}

// 整改通知书: choose a responsible unit; give out a new notice for its draft issues (the next number of
// the team's sequence), or open one it has had; see it and save it as PDF.
import { Alert, Button, Card, Checkbox, Form, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isShortDeadline } from '../../../shared/issues/notice-deadline';
import { useDraft, useOrganization, useUnitNotices } from '../../db';
import { ActorField, useActorName } from '../../ui/ActorField';
import { DraftAlert } from '../../ui/DraftAlert';
import { ReportOutput } from './ReportOutput';
import { OutcomeAlert, type Outcome } from './OutcomeAlert';
import { ShortDeadlineReason } from './ShortDeadlineReason';
import { useIssueNotice } from './use-issue-notice';
import { useNoticeReport } from './use-notice-report';
import styles from './reports.module.css';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { ReadAction } from '../../ui/ReadAction';

export function NoticePanel({
  unitId,
  number,
  onChoose,
}: {
  unitId: string | null;
  number: string | null;
  onChoose: (unitId: string | null, number: string | null) => void;
}) {
  const { t } = useTranslation();
  const organization = useOrganization();
  const giving = useIssueNotice();
  const { team, next, today, minimumDeadlineDays } = giving;
  const defaultActor = useActorName();
  const notices = useUnitNotices(unitId);
  // Every draft is ticked until the user clears it: the cleared ones are what is kept.
  const [cleared, setCleared] = useState<ReadonlySet<string>>(new Set());
  const [typedActor, setActor] = useState<string | null>(null);
  const [shortReason, setShortReason] = useState('');
  const [issuing, setIssuing] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // The name typed and the drafts cleared are kept as a draft of this unit's notice until it is given out.
  const draft = useDraft<NoticeValues, null>('notice', unitId ?? '', null, { actor: null, cleared: [] });
  const { keep } = draft;
  useEffect(() => {
    if (unitId !== null) keep({ actor: typedActor, cleared: [...cleared] });
  }, [keep, unitId, typedActor, cleared]);
  const restoreDraft = () => {
    const taken = draft.restore();
    if (!taken) return;
    setActor(taken.values.actor);
    setCleared(new Set(taken.values.cleared));
  };

  const drafts = notices?.drafts;
  const ticked = (drafts ?? []).filter((d) => !cleared.has(d.id)).map((d) => d.id);
  // The person working on this laptop, unless another name is typed; never the team's or the app's name.
  const actor = typedActor ?? defaultActor;
  const short = (drafts ?? []).some(
    (d) => ticked.includes(d.id) && isShortDeadline(d.deadline, today, minimumDeadlineDays),
  );
  // Arriving at a unit with no notice chosen: its latest.
  const latest = notices?.numbers[0] ?? null;
  useEffect(() => {
    if (unitId !== null && number === null && latest !== null) onChoose(unitId, latest);
  }, [unitId, number, latest, onChoose]);

  const { report, preparing, problem } = useNoticeReport(number, unitId);

  const issue = async () => {
    if (!team) return;
    setIssuing(true);
    setOutcome(null);
    try {
      const made = await giving.issue({
        issueIds: ticked,
        actorName: actor,
        note: '',
        shortDeadlineReason: shortReason,
      });
      setOutcome({
        type: 'success',
        text: t('reports.notice.issued', { number: made.number, count: made.issued.length }),
      });
      onChoose(unitId, made.number);
      await draft.saved(null);
    } catch (error) {
      // A refused notice (NoticeRefusedError) is said by its refusals, each once.
      setOutcome({
        type: 'error',
        text: errorContent(describeFailure(error, t, 'reports.notice.issueFailed')),
      });
    } finally {
      setIssuing(false);
    }
  };

  return (
    <div>
      <Form layout="vertical" className={styles.choices}>
        <Form.Item label={t('reports.choose.unit')} htmlFor="report-unit">
          <ReadAction>
            <Select
              id="report-unit"
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('reports.choose.unitPlaceholder')}
              options={(organization?.units ?? []).map((u) => ({ value: u.id, label: u.name }))}
              value={unitId ?? undefined}
              onChange={(id: string) => onChoose(id, null)}
            />
          </ReadAction>
        </Form.Item>
        {unitId !== null && drafts && (
          <Card size="small" title={t('reports.notice.newTitle')}>
            <DraftAlert
              offer={draft.offer}
              problem={draft.problem}
              onRestore={restoreDraft}
              onDiscard={() => void draft.discard()}
            />
            {drafts.length === 0 ? (
              <Typography.Text type="secondary">{t('reports.notice.noDrafts')}</Typography.Text>
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text>{t('reports.notice.drafts', { count: drafts.length })}</Typography.Text>
                <Checkbox.Group
                  value={ticked}
                  onChange={(v) =>
                    setCleared(new Set((drafts ?? []).map((d) => d.id).filter((id) => !v.includes(id))))
                  }
                  options={drafts.map((d) => ({ value: d.id, label: d.title }))}
                />
                {team ? (
                  <>
                    {next && (
                      <Typography.Text strong>
                        {t('reports.notice.nextNumber', { number: next })}
                      </Typography.Text>
                    )}
                    <ActorField id="notice-actor" value={actor} onChange={setActor} />
                    {short && (
                      <ShortDeadlineReason
                        id="notice-short-reason"
                        value={shortReason}
                        onChange={setShortReason}
                        today={today}
                        minimumDays={minimumDeadlineDays}
                      />
                    )}
                    <Button
                      type="primary"
                      loading={issuing}
                      disabled={ticked.length === 0}
                      onClick={() => void issue()}
                    >
                      {t('reports.notice.issue')}
                    </Button>
                  </>
                ) : (
                  giving.loaded && (
                    <Alert
                      type="warning"
                      title={t('issuing.notice.noTeam')}
                      action={<Link to="/organization">{t('issuing.notice.setUpTeam')}</Link>}
                    />
                  )
                )}
              </Space>
            )}
          </Card>
        )}
        <OutcomeAlert outcome={outcome} />
        {unitId !== null && (notices?.numbers.length ?? 0) > 0 && (
          <Form.Item label={t('reports.choose.notice')} htmlFor="report-notice" style={{ marginTop: 12 }}>
            <ReadAction>
              <Select
                id="report-notice"
                placeholder={t('reports.choose.noticePlaceholder')}
                options={(notices?.numbers ?? []).map((n) => ({ value: n, label: n }))}
                value={number ?? undefined}
                onChange={(n: string) => onChoose(unitId, n)}
              />
            </ReadAction>
          </Form.Item>
        )}
      </Form>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <ReadAction>
        <ReportOutput report={report} preparing={preparing} />
      </ReadAction>
    </div>
  );
}

/** What a notice being prepared keeps as its draft: the name typed (null: the person working on this laptop) and the drafts cleared. */
interface NoticeValues {
  actor: string | null;
  cleared: string[];
}

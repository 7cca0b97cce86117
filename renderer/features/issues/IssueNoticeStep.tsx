// The issue page's "Issue notice" step: the same action as the Reports page's rectification notice —
// the working team's sequence gives the number (shown, never typed), the deadline rule of
// shared/issues is checked, and the notice document is made once it is issued. With no team yet, the
// step says so and leads to Organization.
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Issue } from '../../../shared/domain/issue';
import { checkNoticeDeadline, isShortDeadline } from '../../../shared/issues/notice-deadline';
import { useDraft } from '../../db';
import { ActorField } from '../../ui/ActorField';
import { DraftAlert } from '../../ui/DraftAlert';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { ShortDeadlineReason, useIssueNotice } from '../reports';
import { NoteField, Refusal } from './StepFields';

interface NoticeStepValues {
  actorName: string;
  note: string;
  shortReason: string;
}

export function IssueNoticeStep({
  issue,
  defaultActor,
  onIssued,
  onClose,
}: {
  issue: Issue;
  defaultActor: string;
  /** The notice was given out under this number. */
  onIssued: (number: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const giving = useIssueNotice();
  const { team, next, today, minimumDeadlineDays } = giving;
  const [actorName, setActor] = useState(defaultActor);
  const [note, setNote] = useState('');
  const [shortReason, setShortReason] = useState('');
  const [problem, setProblem] = useState<ReactNode>(null);
  const [saving, setSaving] = useState(false);
  // What is typed is kept as a draft of this issue's step until the notice is issued.
  const draft = useDraft<NoticeStepValues, null>('step:issued', issue.id, null, {
    actorName: defaultActor,
    note: '',
    shortReason: '',
  });
  const { keep } = draft;
  useEffect(() => keep({ actorName, note, shortReason }), [keep, actorName, note, shortReason]);
  const restoreDraft = () => {
    const taken = draft.restore();
    if (!taken) return;
    setActor(taken.values.actorName);
    setNote(taken.values.note);
    setShortReason(taken.values.shortReason ?? '');
  };

  if (giving.loaded && !team) {
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          title={t('issuing.notice.noTeam')}
          action={<Link to="/organization">{t('issuing.notice.setUpTeam')}</Link>}
        />
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('issue.dialog.cancel')}</Button>
        </Space>
      </Space>
    );
  }

  const verdict = checkNoticeDeadline({ deadline: issue.deadline, today, minimumDays: minimumDeadlineDays });
  const past = !verdict.ok && verdict.refusal === 'deadlinePast';
  const short = isShortDeadline(issue.deadline, today, minimumDeadlineDays);

  const confirm = async () => {
    setSaving(true);
    setProblem(null);
    try {
      const made = await giving.issue({
        issueIds: [issue.id],
        actorName,
        note,
        shortDeadlineReason: shortReason,
      });
      await draft.saved(null);
      onIssued(made.number);
    } catch (error) {
      setProblem(errorContent(describeFailure(error, t, 'issue.dialog.failed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <DraftAlert
        offer={draft.offer}
        problem={draft.problem}
        onRestore={restoreDraft}
        onDiscard={() => void draft.discard()}
      />
      <Form layout="vertical" onFinish={() => void confirm()}>
        <ActorField id="step-actor" value={actorName} onChange={setActor} />
        <Form.Item
          label={t('issue.dialog.noticeNumber')}
          htmlFor="step-notice"
          extra={t('issuing.notice.numberHelp')}
        >
          <Input id="step-notice" readOnly variant="filled" value={next ?? ''} />
        </Form.Item>
        <Form.Item label={t('issuing.notice.deadline')}>
          <Typography.Text data-testid="notice-deadline">{issue.deadline}</Typography.Text>
          {past && (
            // Said before confirming; the refusal itself is the alert below, once confirmed.
            <div>
              <Typography.Text type="danger" data-testid="notice-deadline-past">
                {t('issuing.notice.deadlinePast', { deadline: issue.deadline })}
              </Typography.Text>
            </div>
          )}
        </Form.Item>
        {short && !past && (
          <ShortDeadlineReason
            id="step-short-reason"
            value={shortReason}
            onChange={setShortReason}
            today={today}
            minimumDays={minimumDeadlineDays}
          />
        )}
        <NoteField id="step-note" value={note} onChange={setNote} />
        <Refusal problem={problem} />
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('issue.dialog.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={saving} disabled={!next}>
            {t('issue.dialog.confirm')}
          </Button>
        </Space>
      </Form>
    </>
  );
}

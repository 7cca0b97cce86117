// Bulk actions on the ticked issues of the list: issue the rectification notices, set a new deadline
// with its reason, flag for the joint meeting. Each issue gets its own step and history entry through
// the lifecycle rules; those the rules refuse are skipped and counted, with the reason, and progress
// shows while thousands are recorded.
import { App, Button, Form, Modal, Space, Typography } from 'antd';
import { SteadyProgress } from '../../ui/SteadyProgress';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepKind } from '../../../shared/issues/lifecycle';
import { issueActions, useDatabase } from '../../db';
import { ActorField } from '../../ui/ActorField';
import { DeadlineField, NoteField, Refusal } from './StepFields';
import { errorContent } from '../../ui/ErrorDetails';
import { useIssueNotice } from '../reports';
import { describeFailure } from '../../ui/user-error';

export type BulkStep = Extract<StepKind, 'issued' | 'deadlineChanged' | 'coordinationFlagged'>;

const LABELS: Record<BulkStep, string> = {
  issued: 'issue.bulk.issueNotices',
  deadlineChanged: 'issue.bulk.newDeadline',
  coordinationFlagged: 'issue.bulk.flag',
};

/** The deadline rule's refusals, said for a bulk action (the issue page asks the reason itself). */
const BULK_DEADLINE_REFUSALS = { deadlinePast: true, shortDeadlineReasonRequired: true };

interface BarProps {
  count: number;
  onStep: (step: BulkStep) => void;
  onClear: () => void;
}

/** Shown while issues are ticked. */
export function BulkBar({ count, onStep, onClear }: BarProps) {
  const { t } = useTranslation();
  return (
    <Space
      role="toolbar"
      aria-label={t('issue.bulk.selected', { count })}
      wrap
      style={{ background: '#fff7e6', padding: '8px 12px', borderRadius: 8, width: '100%' }}
    >
      <Typography.Text strong data-testid="selected-count">
        {t('issue.bulk.selected', { count })}
      </Typography.Text>
      {(Object.keys(LABELS) as BulkStep[]).map((step) => (
        <Button key={step} onClick={() => onStep(step)}>
          {t(LABELS[step])}
        </Button>
      ))}
      <Button type="link" onClick={onClear}>
        {t('issue.bulk.clearSelection')}
      </Button>
    </Space>
  );
}

interface DialogProps {
  step: BulkStep | null;
  issueIds: readonly string[];
  defaultActor: string;
  onClose: (done: boolean) => void;
}

export function BulkDialog({ step, issueIds, defaultActor, onClose }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={step !== null}
      title={step ? t(LABELS[step]) : ''}
      onCancel={() => onClose(false)}
      footer={null}
      destroyOnHidden
      maskClosable={false}
    >
      {step && <BulkForm step={step} issueIds={issueIds} defaultActor={defaultActor} onClose={onClose} />}
    </Modal>
  );
}

function BulkForm({ step, issueIds, defaultActor, onClose }: DialogProps & { step: BulkStep }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const actions = issueActions(useDatabase());
  // Issuing notices is the Reports page's action, one notice per unit under the team's sequence.
  const giving = useIssueNotice();
  const [actorName, setActor] = useState(defaultActor);
  const [note, setNote] = useState('');
  const [newDeadline, setDeadline] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const [problem, setProblem] = useState<ReactNode>(null);
  const total = issueIds.length;

  const report = (outcome: { applied: number; refused: Partial<Record<string, number>> }) => {
    const skipped = Object.entries(outcome.refused).map(([reason, count]) =>
      t('issue.bulk.skipped', {
        count,
        reason: t(
          reason in BULK_DEADLINE_REFUSALS ? `issuing.bulkRefusal.${reason}` : `issue.refusal.${reason}`,
        ),
      }),
    );
    notification.info({
      title: t('issue.bulk.done', { applied: outcome.applied }),
      description: skipped.length > 0 ? skipped.join('\n') : undefined,
      placement: 'bottomRight',
    });
  };

  const confirm = async () => {
    // What every issue would refuse is said before anything is written.
    if (actorName.trim() === '') return setProblem(t('issue.refusal.actorRequired'));
    if (step === 'deadlineChanged' && !newDeadline) return setProblem(t('issue.refusal.deadlineRequired'));
    if (step === 'deadlineChanged' && note.trim() === '') return setProblem(t('issue.refusal.noteRequired'));
    setProblem(null);
    setDone(0);
    try {
      if (step === 'issued') {
        const made = await giving.issueByUnit({ issueIds, actorName, note }, setDone);
        report({
          applied: made.notices.reduce((n, notice) => n + notice.issued, 0),
          refused: made.refused,
        });
        if (made.notices.length > 0) {
          notification.success({
            title: t('issuing.notice.bulkNumbers', { numbers: made.notices.map((n) => n.number).join('、') }),
            placement: 'bottomRight',
          });
        }
        return onClose(true);
      }
      const outcome = await actions.bulkStep(
        issueIds,
        { kind: step, actorName, note, newDeadline: newDeadline || null },
        setDone,
      );
      report(outcome);
      onClose(true);
    } catch (error) {
      setProblem(errorContent(describeFailure(error, t, 'issue.bulk.failed')));
      setDone(null);
    }
  };

  const working = done !== null;
  return (
    <Form layout="vertical" onFinish={() => void confirm()}>
      <Typography.Paragraph>{t('issue.bulk.intro', { count: total })}</Typography.Paragraph>
      <ActorField id="bulk-actor" value={actorName} onChange={setActor} />
      {step === 'deadlineChanged' && (
        <DeadlineField id="bulk-deadline" value={newDeadline} onChange={setDeadline} />
      )}
      <NoteField id="bulk-note" value={note} onChange={setNote} />
      {working && (
        <div role="status">
          <SteadyProgress percent={Math.floor(((done ?? 0) / Math.max(1, total)) * 100)} />
          <Typography.Text type="secondary">{t('issue.bulk.progress', { done, total })}</Typography.Text>
        </div>
      )}
      <Refusal problem={problem} />
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button disabled={working} onClick={() => onClose(false)}>
          {t('issue.dialog.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={working}>
          {t('issue.dialog.confirm')}
        </Button>
      </Space>
    </Form>
  );
}

// One lifecycle step of an issue: who handled it, a note, and what the step needs (a new deadline
// for an extension, the after photos for a close-out). The rules in shared/issues decide; their
// refusal is shown in the user's words and nothing is recorded. Issuing the notice is the Reports
// page's action (IssueNoticeStep): numbered by the team's sequence, never typed.
import { App, Button as AntButton, Checkbox, Form, Modal, Space, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Issue, IssueStatus } from '../../../shared/domain/issue';
import type { StepKind } from '../../../shared/issues/lifecycle';
import { issueActions, IssueStepRefusedError, useDatabase, useDraft, usePhotos } from '../../db';
import { DraftAlert } from '../../ui/DraftAlert';
import { ActorField } from '../../ui/ActorField';
import { DeadlineField, NoteField, Refusal } from './StepFields';
import { IssueNoticeStep } from './IssueNoticeStep';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

interface Props {
  issue: Issue;
  step: StepKind | null;
  defaultActor: string;
  onClose: () => void;
  /** A notice was given out by the "Issue notice" step, under this number. */
  onIssued?: (number: string) => void;
  /** For the office's decision between contradicting steps: the step kept and its status. */
  decided?: Decision | null;
}

export interface Decision {
  /** The kept step's name, in the person's language. */
  readonly label: string;
  readonly status: IssueStatus;
}

export function StepDialog({ issue, step, defaultActor, onClose, onIssued, decided = null }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Modal
      open={step !== null}
      title={
        step === 'stepsDecided' && decided
          ? t('issue.keepStepTitle', { step: decided.label, status: t(`issue.status.${decided.status}`) })
          : step
            ? t(`issue.steps.${step}`)
            : ''
      }
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {step === 'issued' ? (
        <IssueNoticeStep
          issue={issue}
          defaultActor={defaultActor}
          onClose={onClose}
          onIssued={(number) => {
            void message.success(t('issuing.notice.issued', { number }));
            onIssued?.(number);
            onClose();
          }}
        />
      ) : (
        step && (
          <StepForm
            issue={issue}
            step={step}
            defaultActor={defaultActor}
            onClose={onClose}
            decided={decided}
          />
        )
      )}
    </Modal>
  );
}

function StepForm({
  issue,
  step,
  defaultActor,
  onClose,
  decided,
}: Omit<Props, 'onIssued'> & { step: StepKind }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = issueActions(useDatabase());
  const photos = usePhotos({ issueId: issue.id }) ?? [];
  // Untouched, the field shows the default — also one read after the dialog opened (who is signed in).
  const [typedActor, setActor] = useState<string | null>(null);
  const actorName = typedActor ?? defaultActor;
  const [note, setNote] = useState('');
  const [newDeadline, setDeadline] = useState('');
  const [evidence, setEvidence] = useState<string[]>([]);
  const [problem, setProblem] = useState<ReactNode>(null);
  const [saving, setSaving] = useState(false);
  const needsDeadline =
    step === 'extensionRequested' || step === 'extensionGranted' || step === 'deadlineChanged';
  // What is typed into a step is kept as a draft of this issue and step until the step is recorded.
  const draft = useDraft<StepValues, null>(`step:${step}`, issue.id, null, {
    actorName: defaultActor,
    note: '',
    newDeadline: '',
    evidence: [],
  });
  const { keep } = draft;
  useEffect(
    () => keep({ actorName, note, newDeadline, evidence }),
    [keep, actorName, note, newDeadline, evidence],
  );
  const restoreDraft = () => {
    const taken = draft.restore();
    if (!taken) return;
    setActor(taken.values.actorName);
    setNote(taken.values.note);
    setDeadline(taken.values.newDeadline);
    setEvidence(taken.values.evidence);
  };

  const confirm = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await actions.step(issue.id, {
        kind: step,
        actorName,
        note,
        newDeadline: newDeadline || null,
        evidencePhotoSha256: evidence,
        decidedStatus: decided?.status ?? null,
      });
      await draft.saved(null);
      void message.success(t('issue.dialog.done', { step: t(`issue.steps.${step}`) }));
      onClose();
    } catch (error) {
      if (error instanceof IssueStepRefusedError)
        setProblem(t(`issue.refusal.${error.refusal}`, { date: error.visitDate ?? '' }));
      else setProblem(errorContent(describeFailure(error, t, 'issue.dialog.failed')));
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
        {needsDeadline && <DeadlineField id="step-deadline" value={newDeadline} onChange={setDeadline} />}
        <NoteField id="step-note" value={note} onChange={setNote} />
        {step === 'closed' && (
          <Form.Item label={t('issue.dialog.afterPhotos')}>
            {photos.length === 0 ? (
              <Typography.Text type="secondary">{t('issue.dialog.noPhotos')}</Typography.Text>
            ) : (
              <Checkbox.Group
                value={evidence}
                onChange={(values) => setEvidence(values)}
                options={photos.map((p) => ({ value: p.sha256, label: p.caption || p.fileName }))}
              />
            )}
          </Form.Item>
        )}
        <Refusal problem={problem} />
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <ButtonRow
            saving={saving}
            onCancel={onClose}
            confirm={t('issue.dialog.confirm')}
            cancel={t('issue.dialog.cancel')}
          />
        </Space>
      </Form>
    </>
  );
}

interface StepValues {
  actorName: string;
  note: string;
  newDeadline: string;
  evidence: string[];
}

function ButtonRow(props: { saving: boolean; onCancel: () => void; confirm: string; cancel: string }) {
  return (
    <>
      <AntButton onClick={props.onCancel}>{props.cancel}</AntButton>
      <AntButton type="primary" htmlType="submit" loading={props.saving}>
        {props.confirm}
      </AntButton>
    </>
  );
}

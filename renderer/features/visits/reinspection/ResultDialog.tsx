// The result of re-inspecting one issue: close it out (销号) with this visit's after photos as the
// evidence, or send it back (退回整改) with the reason. The lifecycle rules decide; a refusal is shown
// in the user's words and nothing is recorded.
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IssueStepRefusedError,
  type ReinspectionResult,
  visitActions,
  useDatabase,
  VisitLockedError,
} from '../../../db';
import { errorContent } from '../../../ui/ErrorDetails';
import { describeFailure } from '../../../ui/user-error';
import { ActorField } from '../../../ui/ActorField';

interface Props {
  visitId: string;
  issueId: string;
  kind: ReinspectionResult['kind'] | null;
  /** The visit's inspector, when known: offered as the one who re-inspected. */
  defaultActor: string;
  afterCount: number;
  onClose: () => void;
}

export function ResultDialog(props: Props) {
  const { t } = useTranslation();
  const { kind, onClose } = props;
  return (
    <Modal
      open={kind !== null}
      title={kind ? t(kind === 'closed' ? 'reinspection.closeOut' : 'reinspection.sendBack') : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
    >
      {kind && <ResultForm {...props} kind={kind} />}
    </Modal>
  );
}

function ResultForm({
  visitId,
  issueId,
  kind,
  defaultActor,
  afterCount,
  onClose,
}: Props & {
  kind: ReinspectionResult['kind'];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = visitActions(useDatabase());
  const [actorName, setActor] = useState(defaultActor);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<ReactNode>(null);
  const [saving, setSaving] = useState(false);

  const confirm = async () => {
    setSaving(true);
    setProblem(null);
    try {
      await actions.recordReinspectionResult(visitId, issueId, { kind, actorName, note });
      void message.success(t(`reinspection.done.${kind}`));
      onClose();
    } catch (error) {
      setProblem(
        error instanceof IssueStepRefusedError
          ? error.refusal === 'afterPhotosRequired'
            ? t('reinspection.refusal.afterPhotosRequired')
            : t(`issue.refusal.${error.refusal}`, { date: error.visitDate ?? '' })
          : error instanceof VisitLockedError
            ? t('reinspection.refusal.visitLocked')
            : errorContent(describeFailure(error, t, 'issue.dialog.failed')),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" onFinish={() => void confirm()}>
      <Typography.Paragraph type="secondary">
        {t(kind === 'closed' ? 'reinspection.closeOutHint' : 'reinspection.sendBackHint')}
      </Typography.Paragraph>
      <ActorField id="result-actor" value={actorName} onChange={setActor} />
      <Form.Item
        label={t(kind === 'closed' ? 'reinspection.remarks' : 'reinspection.reason')}
        htmlFor="result-note"
        required={kind === 'sentBack'}
      >
        <Input.TextArea
          id="result-note"
          rows={3}
          maxLength={5000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Form.Item>
      {kind === 'closed' && (
        <Typography.Paragraph data-testid="result-evidence">
          {afterCount > 0 ? t('reinspection.evidence', { count: afterCount }) : t('reinspection.noEvidence')}
        </Typography.Paragraph>
      )}
      {problem && (
        <div role="alert" style={{ color: '#cf1322', marginBottom: 12 }}>
          {problem}
        </div>
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onClose}>{t('issue.dialog.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving} danger={kind === 'sentBack'}>
          {t(kind === 'closed' ? 'reinspection.closeOut' : 'reinspection.sendBack')}
        </Button>
      </Space>
    </Form>
  );
}

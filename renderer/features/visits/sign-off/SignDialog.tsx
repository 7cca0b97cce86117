// The dialog a signer signs in: their name and the pad. Nothing is stored until "Confirm signature".
import { App, Button, Form, Input, Modal } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Signature } from '../../../../shared/domain/visit';
import { visitActions, useDatabase } from '../../../db';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import { useLeaveGuard } from '../../../ui/use-leave-guard';
import { errorContent } from '../../../ui/ErrorDetails';
import { describeFailure } from '../../../ui/user-error';

interface Props {
  visitId: string;
  role: Signature['role'] | null;
  defaultName: string;
  onClose: () => void;
}

export function SignDialog({ visitId, role, defaultName, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={role !== null}
      title={role ? t('signOff.signAs', { role: t(`signOff.${role}`) }) : ''}
      onCancel={onClose}
      footer={null}
      width={640}
      // A stroke that runs off the pad and ends on the mask must not close the dialog and lose the
      // signature being drawn: only Cancel, the close button or Escape close it.
      mask={{ closable: false }}
      destroyOnHidden
    >
      {role && <SignForm visitId={visitId} role={role} defaultName={defaultName} onClose={onClose} />}
    </Modal>
  );
}

function SignForm({ visitId, role, defaultName, onClose }: Props & { role: Signature['role'] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = visitActions(useDatabase());
  const pad = useRef<SignaturePadHandle>(null);
  const [name, setName] = useState(defaultName);
  const [inked, setInked] = useState(false);
  const [problem, setProblem] = useState<ReactNode>(null);
  const [saving, setSaving] = useState(false);
  // Strokes on the pad are not kept as a draft (an image half drawn is no signature): leaving asks.
  useLeaveGuard(inked);

  const confirm = async () => {
    if (name.trim() === '') return setProblem(t('signOff.nameRequired'));
    const image = await pad.current?.toPng();
    if (!image) return setProblem(t('signOff.empty'));
    setSaving(true);
    try {
      await actions.sign(visitId, { role, name, image });
      void message.success(t('signOff.saved', { role: t(`signOff.${role}`) }));
      onClose();
    } catch (error) {
      setProblem(errorContent(describeFailure(error, t, 'signOff.failed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form layout="vertical" onFinish={() => void confirm()}>
      <Form.Item
        label={t('signOff.signerName')}
        htmlFor="signer-name"
        validateStatus={problem === t('signOff.nameRequired') ? 'error' : undefined}
      >
        <Input
          id="signer-name"
          value={name}
          maxLength={50}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
      </Form.Item>
      <SignaturePad ref={pad} onInkChange={setInked} />
      {problem && (
        <div role="alert" style={{ color: '#cf1322', marginTop: 8 }}>
          {problem}
        </div>
      )}
      <div style={{ display: 'flex', justifyContent: 'flex-end', gap: 8, marginTop: 16 }}>
        <Button onClick={onClose}>{t('signOff.cancel')}</Button>
        <Button type="primary" htmlType="submit" disabled={!inked} loading={saving}>
          {t('signOff.confirm')}
        </Button>
      </div>
    </Form>
  );
}

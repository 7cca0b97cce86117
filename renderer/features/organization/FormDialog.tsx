// A small form in a dialog: Enter submits it, a refused save (a duplicate name, say) stays open with the
// reason, and nothing is written until the save succeeds.
import { Alert, Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from './failure-text';

interface Props<V> {
  /** The form's name: it prefixes the fields' ids, so labels stay unique beside the page's own forms. */
  name: string;
  open: boolean;
  title: string;
  initialValues?: Partial<V>;
  onClose: () => void;
  onSubmit: (values: V) => Promise<unknown>;
  children: ReactNode;
}

export function FormDialog<V extends object>({
  name,
  open,
  title,
  initialValues,
  onClose,
  onSubmit,
  children,
}: Props<V>) {
  const { t } = useTranslation();
  const failureText = useFailureText();
  const [error, setError] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setError(null);
    onClose();
  };
  const finish = async (values: V) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(values);
      close();
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      okText={t('organization.actions.save')}
      cancelText={t('organization.actions.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<V>
          name={name}
          layout="vertical"
          initialValues={initialValues}
          clearOnDestroy
          onFinish={(values) => void finish(values)}
        >
          {dom}
        </Form>
      )}
    >
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={error} />}
      {children}
    </Modal>
  );
}

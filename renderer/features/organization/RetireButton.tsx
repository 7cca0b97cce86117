// Retire or restore an entry of the team's lists; nothing is ever deleted, since records may name it.
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFailureText } from './failure-text';

interface Props {
  retired: boolean | undefined;
  onChange: (retired: boolean) => Promise<unknown>;
}

export function RetireButton({ retired, onChange }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const failureText = useFailureText();
  const [busy, setBusy] = useState(false);
  const isRetired = retired === true;
  const toggle = async () => {
    setBusy(true);
    try {
      await onChange(!isRetired);
    } catch (e) {
      void message.error(failureText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" type="link" loading={busy} onClick={() => void toggle()}>
      {isRetired ? t('organization.actions.restore') : t('organization.actions.retire')}
    </Button>
  );
}

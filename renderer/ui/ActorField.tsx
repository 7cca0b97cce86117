// Who handled a step (经办人): the one field every step, re-inspection and result dialog asks for, with
// the same label, length and id wiring everywhere.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

export function ActorField({
  id,
  value,
  onChange,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('issue.dialog.actor')} htmlFor={id}>
      <Input id={id} maxLength={50} value={value} onChange={(e) => onChange(e.target.value)} />
    </Form.Item>
  );
}

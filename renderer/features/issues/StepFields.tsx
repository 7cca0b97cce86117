// The fields every step dialog asks for — who handled it (the shared ActorField), the new deadline, the
// note — and the line that says why a step was refused, shared by the issue page's step and the list's
// bulk action.
import { Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../ui/DateInput';

interface FieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
}

export function DeadlineField({ id, value, onChange }: FieldProps) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('issue.dialog.newDeadline')} htmlFor={id}>
      <DateInput id={id} value={value} onChange={onChange} />
    </Form.Item>
  );
}

export function NoteField({ id, value, onChange }: FieldProps) {
  const { t } = useTranslation();
  return (
    <Form.Item label={t('issue.dialog.note')} htmlFor={id}>
      <Input.TextArea
        id={id}
        rows={3}
        maxLength={5000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Form.Item>
  );
}

/** Why the step was not recorded, read out by screen readers as it appears. */
export function Refusal({ problem }: { problem: ReactNode }) {
  if (!problem) return null;
  return (
    <div role="alert" style={{ color: '#cf1322', marginBottom: 12 }}>
      {problem}
    </div>
  );
}

// The reason a notice orders a deadline sooner than the team's minimum (shared/issues/notice-deadline):
// one field for both ways of issuing a notice, the issue page's step and the Reports page.
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain/dates';

export function ShortDeadlineReason({
  id,
  value,
  onChange,
  today,
  minimumDays,
}: {
  id: string;
  value: string;
  onChange: (reason: string) => void;
  /** Today in the team's time zone, YYYY-MM-DD. */
  today: string;
  minimumDays: number;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('issuing.notice.shortReason')}
      htmlFor={id}
      extra={t('issuing.notice.shortReasonHelp', {
        days: minimumDays,
        earliest: addDays(today, minimumDays),
      })}
    >
      <Input.TextArea
        id={id}
        rows={2}
        maxLength={500}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Form.Item>
  );
}

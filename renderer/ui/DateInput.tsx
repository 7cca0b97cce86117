// Date and time fields in the UI's language (antd's pickers, with the locale App.tsx sets for antd and
// dayjs) instead of the browser's native inputs, which follow the system's locale (mm/dd/yyyy,
// 07:21 AM) whatever the app speaks. The values stay what the records hold: a calendar date as
// YYYY-MM-DD and a time of day as HH:mm, '' when empty — so each replaces an <Input type="date">
// or <Input type="time"> in a Form.Item as it is.
import { DatePicker, TimePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

export const DATE_FORMAT = 'YYYY-MM-DD';
export const TIME_FORMAT = 'HH:mm';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  'aria-label'?: string;
  title?: string;
  /** The latest date (YYYY-MM-DD) the picker offers. */
  max?: string;
  style?: CSSProperties;
  disabled?: boolean;
}

const parse = (value: string | undefined, format: string) => {
  if (!value) return null;
  const day = dayjs(format === TIME_FORMAT ? `2000-01-01T${value}` : value);
  return day.isValid() ? day : null;
};

/** A calendar date, YYYY-MM-DD. */
export function DateInput({ value, onChange, max, style, ...rest }: Props) {
  const latest = max ? dayjs(max) : null;
  return (
    <DatePicker
      {...rest}
      value={parse(value, DATE_FORMAT)}
      format={DATE_FORMAT}
      disabledDate={latest ? (day) => day.isAfter(latest, 'day') : undefined}
      onChange={(day) => onChange?.(day ? day.format(DATE_FORMAT) : '')}
      style={{ width: '100%', ...style }}
    />
  );
}

/** A time of day, HH:mm. */
export function TimeInput({ value, onChange, style, ...rest }: Omit<Props, 'max'>) {
  return (
    <TimePicker
      {...rest}
      value={parse(value, TIME_FORMAT)}
      format={TIME_FORMAT}
      needConfirm={false}
      onChange={(time) => onChange?.(time ? time.format(TIME_FORMAT) : '')}
      style={{ width: '100%', ...style }}
    />
  );
}

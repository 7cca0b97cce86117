// What came of an action on a report tab (a notice given out, a spreadsheet saved): success read out
// politely, failure announced at once.
import { Alert } from 'antd';

export interface Outcome {
  type: 'success' | 'error';
  text: string;
}

export function OutcomeAlert({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <Alert
      type={outcome.type}
      showIcon
      role={outcome.type === 'error' ? 'alert' : 'status'}
      title={outcome.text}
    />
  );
}

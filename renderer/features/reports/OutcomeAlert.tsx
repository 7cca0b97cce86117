// What came of an action on a report tab (a notice given out, a spreadsheet saved): success read out
// politely, failure announced at once.
import { Alert } from 'antd';
import type { ReactNode } from 'react';

export interface Outcome {
  type: 'success' | 'error';
  text: ReactNode;
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

// A sync problem under a form (enroll, sign in): the person's words, the technical detail below.
import { Alert } from 'antd';
import { ErrorDetails } from '../../ui/ErrorDetails';
import type { ProblemText } from './problem-text';

export function ProblemAlert({ problem }: { problem: ProblemText | null }) {
  if (!problem) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={problem.message}
      description={<ErrorDetails details={problem.detail} />}
      style={{ marginBottom: 16 }}
    />
  );
}

// A failure as the user sees it: the sentence in their language, and under it, smaller and muted, the
// technical words to copy for support, so the sentence stays readable and nothing is lost.
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserError } from './user-error';

export function ErrorDetails({ details }: { details: string }) {
  const { t } = useTranslation();
  if (details === '') return null;
  return (
    <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="error-details">
      {t('errors.details', { details })}
    </Typography.Text>
  );
}

export function ErrorText({ error }: { error: UserError }) {
  return (
    <span>
      {error.message}
      <ErrorDetails details={error.details} />
    </span>
  );
}

/** For antd's message.error, Alert titles and problem states, which take a node. */
export const errorContent = (error: UserError): ReactNode => <ErrorText error={error} />;

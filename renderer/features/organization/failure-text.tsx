// What a failed change to the team's lists says: a duplicate name by name, anything else as the app's
// other failures are said.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DuplicateNameError } from '../../db';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export function useFailureText(): (error: unknown) => ReactNode {
  const { t } = useTranslation();
  return (error) =>
    error instanceof DuplicateNameError
      ? t('organization.duplicate', { name: error.duplicate.trim() })
      : errorContent(describeFailure(error, t, 'organization.saveFailed'));
}

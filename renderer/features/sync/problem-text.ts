// A sync failure in the person's words, with the English detail kept for "Details".
import type { TFunction } from 'i18next';
import { SyncFailure } from '../../../shared/sync/client/answers';

export interface ProblemText {
  readonly message: string;
  readonly detail: string;
}

export function syncProblemText(t: TFunction, error: unknown): ProblemText {
  if (error instanceof SyncFailure)
    return { message: t(`sync.problem.${error.problem}`), detail: error.detail };
  return {
    message: t('sync.problem.badReply'),
    detail: error instanceof Error ? error.message : String(error),
  };
}

// Prepares a document whenever what it is made from changes, keeping only the latest: a choice made
// while photos of the previous one are still being prepared replaces it. What is shown belongs to
// the current `prepare` only (state made for an earlier one reads as "still preparing").
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparedReport } from './prepared-report';
import type { Preparing } from './ReportOutput';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export type Prepare = (onProgress: (done: number, total: number) => void) => Promise<PreparedReport | null>;

interface State {
  made: Prepare | null;
  report: PreparedReport | null;
  progress: Preparing;
  finished: boolean;
  /** Why it could not be made; said in the user's language when shown, so a language switch follows. */
  problem: { error: unknown } | null;
}

const START: State = {
  made: null,
  report: null,
  progress: { done: 0, total: 0 },
  finished: false,
  problem: null,
};

export function usePreparedReport(prepare: Prepare | null) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>(START);
  useEffect(() => {
    if (!prepare) return;
    let current = true;
    const update = (next: Partial<State>) =>
      current && setState((s) => ({ ...(s.made === prepare ? s : { ...START, made: prepare }), ...next }));
    prepare((done, total) => update({ progress: { done, total } }))
      .then((report) => update({ report, finished: true }))
      .catch((error: unknown) => update({ finished: true, problem: { error } }));
    return () => {
      current = false;
    };
  }, [prepare]);
  const mine = prepare !== null && state.made === prepare;
  return {
    report: mine ? state.report : null,
    preparing: prepare === null || (mine && state.finished) ? null : mine ? state.progress : START.progress,
    problem:
      mine && state.problem
        ? errorContent(describeFailure(state.problem.error, t, 'errors.when.prepare'))
        : null,
  };
}

// Prepares a document whenever what it is made from changes, keeping only the latest: a choice made
// while photos of the previous one are still being prepared replaces it. What is shown belongs to
// the current `prepare` only (state made for an earlier one reads as "still preparing").
import { useEffect, useState } from 'react';
import type { PreparedReport } from './prepared-report';
import type { Preparing } from './ReportOutput';

export type Prepare = (onProgress: (done: number, total: number) => void) => Promise<PreparedReport | null>;

interface State {
  made: Prepare | null;
  report: PreparedReport | null;
  progress: Preparing;
  finished: boolean;
  problem: string | null;
}

const START: State = {
  made: null,
  report: null,
  progress: { done: 0, total: 0 },
  finished: false,
  problem: null,
};

export function usePreparedReport(prepare: Prepare | null) {
  const [state, setState] = useState<State>(START);
  useEffect(() => {
    if (!prepare) return;
    let current = true;
    const update = (next: Partial<State>) =>
      current && setState((s) => ({ ...(s.made === prepare ? s : { ...START, made: prepare }), ...next }));
    prepare((done, total) => update({ progress: { done, total } }))
      .then((report) => update({ report, finished: true }))
      .catch((error: unknown) =>
        update({ finished: true, problem: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [prepare]);
  const mine = prepare !== null && state.made === prepare;
  return {
    report: mine ? state.report : null,
    preparing: prepare === null || (mine && state.finished) ? null : mine ? state.progress : START.progress,
    problem: mine ? state.problem : null,
  };
}

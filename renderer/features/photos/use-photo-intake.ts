// The panel's intake: runs the files through prepareIntake and into the database, and keeps what the
// progress bar and the result list show — redrawn at most four times a second, however many files
// finish meanwhile (issue 21). Leaving the page cancels a run in progress.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { photoActions, type PhotoLink, useDatabase } from '../../db';
import { useHost } from '../../ui/host-context';
import { deriveImages, prepareInWorker } from './derive';
import type { CollectedFiles } from './dropped-files';
import { prepareIntake } from './intake';
import {
  emptyProgress,
  type IntakeFailure,
  type IntakeOutcome,
  type IntakeProgress,
  type IntakeSummary,
  runIntake,
} from './intake-run';

/**
 * Photos finish ten or more a second; redrawing the panel once a frame for them rendered it on the
 * cores the image workers need. A bar and a count that move four times a second read as smooth for
 * work that takes seconds to minutes.
 */
const REDRAW_EVERY_MS = 250;

export interface IntakeState {
  running: boolean;
  progress: IntakeProgress | null;
  failures: IntakeFailure[];
  /** Files whose photo was already stored here. */
  duplicates: string[];
  stopped: IntakeSummary['stopped'];
}

const IDLE: IntakeState = { running: false, progress: null, failures: [], duplicates: [], stopped: null };

/** What a photo intake offers a component: its state, and start, cancel and dismiss. */
export type PhotoIntake = ReturnType<typeof usePhotoIntake>;

export function usePhotoIntake(link: PhotoLink) {
  const db = useDatabase();
  const host = useHost();
  const actions = useMemo(() => photoActions(db), [db]);
  const { projectId, visitId = null, issueId = null, checklistItemId = null } = link;
  const controller = useRef<AbortController | null>(null);
  const [state, setState] = useState<IntakeState>(IDLE);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    async ({ items, failures }: CollectedFiles) => {
      if (controller.current || (items.length === 0 && failures.length === 0)) return;
      const abort = new AbortController();
      controller.current = abort;
      const total = items.length + failures.length;
      setState({
        running: true,
        progress: { ...emptyProgress(total, Date.now()), done: failures.length, failed: failures.length },
        failures,
        duplicates: [],
        stopped: null,
      });
      const onOutcome = (outcome: IntakeOutcome) => {
        if (
          outcome.status === 'failed' &&
          (outcome.kind === 'unexpected' || outcome.kind === 'storageFull')
        ) {
          const message = `photo intake: ${outcome.label}: ${outcome.kind}: ${outcome.detail}`.slice(0, 4000);
          host.api.reportProblem({ kind: 'other', message }).catch(() => undefined);
        }
      };
      // What finished since the last redraw: shown together in the next one.
      let latest: IntakeProgress | null = null;
      let outcomes: IntakeOutcome[] = [];
      let timer: ReturnType<typeof setTimeout> | null = null;
      let shownAt = -Infinity;
      const show = () => {
        timer = null;
        shownAt = performance.now();
        const progress = latest;
        const finished = outcomes;
        outcomes = [];
        if (!progress) return;
        setState((s) => ({
          ...s,
          // Files of a dropped folder that could not be read were counted before the run began.
          progress: {
            ...progress,
            total,
            done: progress.done + failures.length,
            failed: progress.failed + failures.length,
          },
          failures: [...s.failures, ...finished.filter((o): o is IntakeFailure => o.status === 'failed')],
          duplicates: [
            ...s.duplicates,
            ...finished.filter((o) => o.status === 'duplicate').map((o) => o.label),
          ],
        }));
      };
      const summary = await runIntake(items, {
        signal: abort.signal,
        prepare: (item, signal) =>
          prepareIntake(item.file, { derive: deriveImages, prepareElsewhere: prepareInWorker, signal }),
        store: (batch) => actions.add(batch, { projectId, visitId, issueId, checklistItemId }),
        onProgress: (progress, outcome) => {
          onOutcome(outcome);
          latest = progress;
          outcomes.push(outcome);
          timer ??= setTimeout(show, Math.max(0, shownAt + REDRAW_EVERY_MS - performance.now()));
        },
      });
      if (timer !== null) clearTimeout(timer);
      show();
      controller.current = null;
      setState((s) => ({
        ...s,
        running: false,
        stopped: summary.stopped,
        progress: s.progress && { ...s.progress, elapsedMs: summary.elapsedMs },
      }));
    },
    [actions, host, projectId, visitId, issueId, checklistItemId],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const dismiss = useCallback(() => {
    if (!controller.current) setState(IDLE);
  }, []);

  return { state, start, cancel, dismiss };
}

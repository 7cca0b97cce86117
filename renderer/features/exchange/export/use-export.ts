// Running an export: prepare the files, write them with progress and a cancel, and keep the outcome.
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Knowledge } from '../../../../shared/bundle/manifest';
import { useHost } from '../../../ui/host-context';
import { exchangeActions, reportActions, useDatabase, useWorkingContext } from '../../../db';
import { i18next, type Language } from '../../../i18n';
import { useTimeZone, useToday } from '../../../stores/clock';
import { faultMessage } from '../problem-text';
import { manifestText } from './make-manifest';
import { planExport, type PlanStep } from './plan-export';
import type { TransferProgress } from './transfer-rate';
import { type ExportOutcome, writeExport } from './write-export';
import { safeName } from './safe-name';
import { errorContent } from '../../../ui/ErrorDetails';
import { describeFailure } from '../../../ui/user-error';
import { formatInstantStamp } from '../../../ui/format-instant';

export type ExportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'preparing'; readonly step: PlanStep }
  | { readonly phase: 'writing' | 'verifying'; readonly progress: TransferProgress }
  | { readonly phase: 'finished'; readonly outcome: ExportOutcome; readonly missingPhotos: number }
  | { readonly phase: 'error'; readonly message: ReactNode };

export interface ExportRequest {
  /** The host's grant for the chosen folder or drive. */
  readonly target: string;
  readonly recipient: { node: string; name: string; knowledge: Knowledge } | null;
  readonly reports: boolean;
  /** The leader's page's language, chosen in the panel (the app's by default). */
  readonly pageLanguage: Language;
}

// The folder is named by the team's clock (its time zone), as its people read the date and time.
const stamp = (date: Date): string => formatInstantStamp(date.toISOString());

export function useExport() {
  const { t } = useTranslation();
  const { api } = useHost();
  const db = useDatabase();
  const workingTeam = useWorkingContext()?.team ?? null;
  const today = useToday();
  const timeZone = useTimeZone();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const start = async (request: ExportRequest) => {
    const controller = new AbortController();
    abort.current = controller;
    try {
      const exchange = exchangeActions(db);
      const documents = i18next.getFixedT('zh-CN');
      const since = request.recipient?.knowledge ?? null;
      const planned = await planExport(
        { exchange, reports: reportActions(db) },
        api,
        {
          since,
          reports: request.reports,
          today,
          timeZone,
          pageLanguage: request.pageLanguage,
        },
        documents,
        (step) => setState({ phase: 'preparing', step }),
      );
      if (controller.signal.aborted) {
        setState({ phase: 'finished', outcome: { status: 'cancelled' }, missingPhotos: 0 });
        return;
      }
      const [identity, info] = await Promise.all([exchange.identity(), api.appInfo({})]);
      const createdAt = new Date();
      const team = workingTeam ? { id: workingTeam.id, name: workingTeam.name } : null;
      const outcome = await writeExport(
        api,
        {
          target: request.target,
          // Named in Chinese like the documents inside; the time keeps two exports of a day apart.
          folderName: safeName(
            `督查数据 ${stamp(createdAt)} ${identity.name}${request.recipient ? ` 给 ${request.recipient.name}` : ''}`,
          ),
          files: planned.files,
          manifest: (files) =>
            manifestText(
              {
                identity,
                appVersion: info.version,
                team,
                recipient: request.recipient
                  ? { node: request.recipient.node, name: request.recipient.name }
                  : null,
                since,
                knowledge: planned.snapshot.knowledge,
                operations: planned.snapshot.operations,
                createdAt: createdAt.toISOString(),
              },
              files,
            ),
        },
        (progress) => setState({ phase: progress.phase, progress }),
        controller.signal,
      );
      setState({ phase: 'finished', outcome, missingPhotos: planned.snapshot.missingPhotoBytes });
    } catch (error) {
      setState({
        phase: 'error',
        message: errorContent(describeFailure(error, t, 'exchange.exportFailed')),
      });
    } finally {
      abort.current = null;
    }
  };

  const cancel = () => abort.current?.abort();
  const failure =
    state.phase === 'finished' && state.outcome.status === 'failed'
      ? faultMessage(state.outcome.failure, t)
      : null;
  return { state, start, cancel, failure };
}

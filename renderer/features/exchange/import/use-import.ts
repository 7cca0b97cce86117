// Running an import: verify the chosen folder (nothing written), then, on the user's word, read the
// new photos and apply everything in one transaction, leaving a receipt.
import { type ReactNode, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../../ui/host-context';
import { exchangeActions, type ImportReceiptRow, useDatabase } from '../../../db';
import { faultMessage, readProblemMessage } from '../problem-text';
import { readBundle, readNewPhotos, type ReadyBundle } from './read-bundle';
import { errorContent } from '../../../ui/ErrorDetails';
import { describeFailure } from '../../../ui/user-error';

export type ImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'verifying' }
  | { readonly phase: 'candidates'; readonly candidates: { folder: string; name: string; grant: string }[] }
  | { readonly phase: 'problem'; readonly message: ReactNode }
  | { readonly phase: 'ready'; readonly bundle: ReadyBundle }
  | {
      readonly phase: 'applying';
      readonly bundle: ReadyBundle;
      readonly done: number;
      readonly total: number;
    }
  | { readonly phase: 'applied'; readonly receipt: ImportReceiptRow };

export function useImport() {
  const { t } = useTranslation();
  const { api } = useHost();
  const db = useDatabase();
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const fail = (reason: ReactNode) => setState({ phase: 'problem', message: reason });

  /** Verifies the folder or drive of `grant` (the host's word for the person's choice). */
  const verify = async (grant: string) => {
    setState({ phase: 'verifying' });
    try {
      const reading = await readBundle(api, exchangeActions(db), grant);
      if (reading.status === 'problem') fail(errorContent(readProblemMessage(reading.problem, t)));
      else if (reading.status === 'candidates')
        setState({ phase: 'candidates', candidates: reading.candidates });
      else setState({ phase: 'ready', bundle: reading.bundle });
    } catch (error) {
      fail(errorContent(describeFailure(error, t, 'errors.when.verify')));
    }
  };

  const apply = async (bundle: ReadyBundle, trustSource: boolean) => {
    const controller = new AbortController();
    abort.current = controller;
    setState({ phase: 'applying', bundle, done: 0, total: 0 });
    try {
      const photos = await readNewPhotos(
        api,
        bundle,
        (done, total) => setState({ phase: 'applying', bundle, done, total }),
        controller.signal,
      );
      if (photos.status === 'cancelled') {
        setState({ phase: 'ready', bundle });
        return;
      }
      if (photos.status === 'failed') {
        const fault = faultMessage(photos.failure, t);
        fail(errorContent({ ...fault, message: t('exchange.import.failed', { reason: fault.message }) }));
        return;
      }
      const receipt = await exchangeActions(db).apply({
        manifest: bundle.manifest,
        manifestSha256: bundle.manifestSha256,
        folder: bundle.folder,
        operations: bundle.operations,
        preview: bundle.preview,
        photos: photos.photos,
        trustSource,
      });
      setState({ phase: 'applied', receipt });
    } catch (error) {
      fail(errorContent(describeFailure(error, t, 'exchange.import.failed')));
    } finally {
      abort.current = null;
    }
  };

  return {
    state,
    verify,
    apply,
    cancel: () => abort.current?.abort(),
    reset: () => setState({ phase: 'idle' }),
  };
}

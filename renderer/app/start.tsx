// The second step of start-up (see main.tsx): reach the host, settle the language, and render.
//
// The first render waits, for a moment at most, until the first screen has what it shows: the database,
// the shell's choice, the page's code and (for the ledger) its rows. A normal start then renders once,
// complete, instead of a frame of spinners followed by a second render; that also leaves the processor
// to the database while it reads (on a 2-core machine, rendering and painting a frame meanwhile made
// the ledger's read take twice as long). A slow start (a large database, another window blocking an
// upgrade) renders at the deadline and shows what is still loading.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { firstScreenRead, type OpenResult } from '../db/start';
import { connectHost } from '../host/client';
import { initI18n } from '../i18n';
import { setDatabaseState } from '../stores/database';
import { usePreferences } from '../stores/preferences';
import { startClock } from '../stores/clock';
import { useSession } from '../stores/session';
import { startSync } from '../sync/start-sync';
import { App } from './App';
import { resolveLanguage } from './language';
import { preloadRoute } from './routes';
import { requestPersistentStorage } from './storage';

/**
 * The latest the first render waits for the first screen's data, in ms since the window started
 * loading the page; after that it shows what is still loading.
 */
const FIRST_RENDER_BY_MS = 500;
/** When to ask for persistent storage and the usage estimate (only the settings page shows them). */
const STORAGE_DELAY_MS = 1000;

export async function start(opening: Promise<OpenResult>): Promise<void> {
  // The page the app opens at (the hash router's path), loaded while the host and the language settle.
  const page = preloadRoute(window.location.hash.replace(/^#/, '').split('?')[0] || '/').catch(
    () => undefined,
  );
  const host = connectHost();
  let appInfoError: { error: unknown } | null = null;
  const appInfo = await host.api.appInfo({}).catch((error: unknown) => {
    appInfoError = { error };
    return null;
  });
  const choice = resolveLanguage(
    window.location.search,
    appInfo,
    usePreferences.getState().chosenLanguage,
    navigator.language,
  );
  await initI18n(choice.language);
  useSession.setState({ appInfo, appInfoError, forcedLanguage: choice.forced, language: choice.language });
  startClock();

  const onOpened = (opened: OpenResult) => {
    if (opened.ok) {
      setDatabaseState({ status: 'ready', db: opened.db });
      startSync(opened.db, host.api);
    } else {
      setDatabaseState({ status: 'failed', failure: opened.failure });
      void host.api
        .reportProblem({ kind: 'databaseOpen', message: `${opened.failure.kind}: ${opened.failure.detail}` })
        .catch(() => undefined);
    }
  };
  const ready = opening.then(async (opened) => {
    if (opened.ok) await firstScreenRead(opened.db);
    await page;
    return opened;
  });
  const early = await Promise.race([
    ready,
    new Promise<null>((resolve) =>
      setTimeout(() => resolve(null), Math.max(0, FIRST_RENDER_BY_MS - performance.now())),
    ),
  ]);
  if (early) onOpened(early);

  const container = document.getElementById('root');
  if (!container) throw new Error('no #root element');
  createRoot(container).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );

  if (!early) onOpened(await opening);
  // The browser's usage estimate competes with the first screen's reads: ask once the screen is up.
  setTimeout(
    () => void requestPersistentStorage().then((storage) => useSession.getState().setStorage(storage)),
    STORAGE_DELAY_MS,
  );
}

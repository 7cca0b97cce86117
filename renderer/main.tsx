// Start-up: reach the host, settle the language, open the database, then render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { resolveLanguage } from './app/language';
import { requestPersistentStorage } from './app/storage';
import { openDatabase } from './db';
import { connectHost } from './host/client';
import { initI18n } from './i18n';
import { setDatabaseState } from './stores/database';
import { usePreferences } from './stores/preferences';
import { startClock } from './stores/clock';
import { useSession } from './stores/session';

async function start(): Promise<void> {
  const host = connectHost();
  let appInfoError: string | null = null;
  const appInfo = await host.api.appInfo({}).catch((error: unknown) => {
    appInfoError = error instanceof Error ? error.message : String(error);
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
  const container = document.getElementById('root');
  if (!container) throw new Error('no #root element');
  createRoot(container).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );

  void requestPersistentStorage().then((storage) => useSession.getState().setStorage(storage));
  const opened = await openDatabase({
    onBlocked: () => setDatabaseState({ status: 'blocked' }),
    onReplaced: () => setDatabaseState({ status: 'replaced' }),
  });
  if (opened.ok) {
    setDatabaseState({ status: 'ready', db: opened.db });
  } else {
    setDatabaseState({ status: 'failed', failure: opened.failure });
    void host.api
      .reportProblem({ kind: 'databaseOpen', message: `${opened.failure.kind}: ${opened.failure.detail}` })
      .catch(() => undefined);
  }
}

void start();

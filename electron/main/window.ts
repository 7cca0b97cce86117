// The main window: our page only, with every isolation Electron offers switched on.
import { BrowserWindow } from 'electron';
import type { ForcedLanguage } from '../host/language';
import { pageUrlFor } from './app-origin';

export interface MainWindowOptions {
  /** dist/electron/preload.cjs */
  readonly preloadPath: string;
  readonly forcedLanguage: ForcedLanguage | null;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 600,
    title: 'Ducha',
    // Shown once painted, so the user never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      // The page gets window.ducha from the preload and nothing else of Node or Electron.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(pageUrlFor(options.forcedLanguage)).catch((error: unknown) => {
    console.error(`Ducha: the page did not load: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}

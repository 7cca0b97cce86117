// The main window: our page only, with every isolation Electron offers switched on
// (window-preferences.ts).
import { BrowserWindow, dialog } from 'electron';
import type { ForcedLanguage } from '../host/language';
import { pageUrlFor } from './app-origin';
import { mainWindowPreferences } from './window-preferences';

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
    webPreferences: mainWindowPreferences(options.preloadPath),
  });
  // The page refuses to unload while work that cannot be kept as a draft is open (a signature being
  // drawn). Electron then only cancels the close, so the question is put here, in both languages
  // (the main process does not know the page's).
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['留在此页 Stay', '离开 Leave'],
      defaultId: 0,
      cancelId: 0,
      title: '督查 Ducha',
      message:
        '离开此页？尚未保存的签名或照片标注将丢失。\nLeave this page? A signature or photo marks not yet saved will be lost.',
    });
    // preventDefault here overrides the page's refusal: the window closes or reloads.
    if (choice === 1) event.preventDefault();
  });
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(pageUrlFor(options.forcedLanguage)).catch((error: unknown) => {
    console.error(`Ducha: the page did not load: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}

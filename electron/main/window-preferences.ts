// The main window's web preferences, apart from the window so that a test holds each of them
// (electron/main/security.test.ts): every isolation Electron offers, on.
import type { WebPreferences } from 'electron';

export function mainWindowPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    // The page gets window.ducha from the preload and nothing else of Node or Electron.
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    // No features ahead of the web platform, and none switched on by name.
    experimentalFeatures: false,
    webviewTag: false,
    // A file dropped on the window must not replace our page with itself.
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

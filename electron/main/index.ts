// The Electron main process: wires the small modules of this folder together, in the order Electron
// needs (some things must happen before "ready", some after).
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, type OpenDialogOptions } from 'electron';
import { version } from '../../package.json';
import { createHostHandlers } from '../host/handlers';
import { createElectronPrinter } from './electron-printer';
import { parseForcedLanguage } from '../host/language';
import { registerHostHandlers } from './ipc';
import { registerAppScheme, serveRendererFiles } from './protocol';
import { applyPermissionPolicy, hardenAllWebContents } from './security';
import { createTrustedSenderCheck } from './trusted-sender';
import { createMainWindow } from './window';

// Paths are relative to this bundle (dist/electron/main.cjs), not to app.getAppPath(): launched as
// `electron dist/electron/main.cjs` (as Playwright may do) the app path is dist/electron itself.
const preloadPath = path.join(__dirname, 'preload.cjs');
const rendererDir = path.join(__dirname, '..', 'renderer');

// DUCHA_HOME gives a run its own data folder (each end-to-end test has one). Without it the data lives
// in <appData>/Ducha, whether Electron was started on our folder or on this file (when Electron does not
// see our package.json it would otherwise name itself, and the folder, "Electron"). Both must be set
// before "ready" and before the single-instance lock, which Electron keeps inside the userData folder.
app.setName('Ducha');
const duchaHome = process.env.DUCHA_HOME?.trim();
app.setPath('userData', duchaHome ? path.resolve(duchaHome) : path.join(app.getPath('appData'), 'Ducha'));

registerAppScheme();
hardenAllWebContents(app);

const forcedLanguage = parseForcedLanguage(process.env.DUCHA_LANG);
let mainWindow: BrowserWindow | null = null;

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath,
    forcedLanguage,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

/** The system's folder dialog, over the main window when there is one, for a hand-over by USB. */
async function chooseFolder(): Promise<string | null> {
  const options: OpenDialogOptions = { properties: ['openDirectory', 'createDirectory'] };
  const result = mainWindow
    ? await dialog.showOpenDialog(mainWindow, options)
    : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

function start(): void {
  applyPermissionPolicy(session.defaultSession);
  serveRendererFiles(rendererDir);

  const dataDir = app.getPath('userData');
  const handlers = createHostHandlers({
    printer: createElectronPrinter(dataDir),
    fontsDir: path.join(rendererDir, 'fonts'),
    host: 'electron',
    hostVersion: process.versions.electron,
    dataDir,
    systemLocale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
    forcedLanguage,
    // From package.json at build time: app.getVersion() gives Electron's own version when the app is
    // started from its main file rather than its folder.
    appVersion: version,
    chooseFolder,
  });
  // Every window we open is ours (pop-ups are denied), so "one of our windows" is any window.
  const isOurWebContents = (sender: { readonly id: number }): boolean =>
    BrowserWindow.getAllWindows().some((window) => window.webContents.id === sender.id);
  registerHostHandlers(ipcMain, handlers, createTrustedSenderCheck(isOurWebContents), { dataDir });

  openMainWindow();
}

// A second copy on the same data would fight over IndexedDB; bring the first one forward instead.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window is the whole app; closing it ends the app on every platform, macOS included.
  app.on('window-all-closed', () => {
    app.quit();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error(`Ducha: could not start: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
}

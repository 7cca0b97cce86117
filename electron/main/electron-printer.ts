// The desktop app's printer: a hidden window in a session of its own that can load nothing but the
// document (a temporary file, since a data: URL of tens of megabytes is refused) and its inline data,
// printed with webContents.printToPDF — the same Chromium print path the browser host drives headless.
import { BrowserWindow, session, type Session } from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createPrintQueue,
  LOAD_FONTS_SCRIPT,
  type PdfPrinter,
  PrintError,
  unlessAborted,
} from '../host/print/pdf-printer';

const PARTITION = 'ducha-print';

export function createElectronPrinter(dataDir: string): PdfPrinter {
  /** The one document file being printed; the session lets it load and nothing else but data:. */
  let documentFile: string | null = null;
  let printing: Session | null = null;
  const isDocument = (url: string): boolean => {
    if (documentFile === null || !url.startsWith('file:')) return false;
    try {
      // Compared as paths: a data folder under a Chinese user name is percent-encoded in the URL.
      const path = fileURLToPath(url);
      return process.platform === 'win32'
        ? path.toLowerCase() === documentFile.toLowerCase()
        : path === documentFile;
    } catch {
      return false;
    }
  };
  const printSession = (): Session => {
    if (printing) return printing;
    printing = session.fromPartition(PARTITION);
    printing.webRequest.onBeforeRequest((details, callback) => {
      callback({ cancel: !(details.url.startsWith('data:') || isDocument(details.url)) });
    });
    printing.setPermissionRequestHandler((_contents, _permission, callback) => {
      callback(false);
    });
    printing.setPermissionCheckHandler(() => false);
    printing.setDevicePermissionHandler(() => false);
    return printing;
  };

  const render = async (window: BrowserWindow, file: string): Promise<Buffer> => {
    await window.loadFile(file);
    await window.webContents.executeJavaScript(LOAD_FONTS_SCRIPT);
    return window.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true });
  };

  const printOne = async (html: string, signal?: AbortSignal): Promise<Uint8Array> => {
    const dir = join(dataDir, 'print');
    const file = join(dir, `${randomUUID()}.html`);
    try {
      await mkdir(dir, { recursive: true });
      // The byte order mark makes the file UTF-8 whatever its <meta charset> says, or how far down.
      await writeFile(file, `\uFEFF${html}`, 'utf8');
    } catch (error) {
      await rm(file, { force: true });
      throw new PrintError(
        `the document could not be written to ${dir} to print it (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    documentFile = file;
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: printSession(),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        // On, to wait for document.fonts.ready; the document's policy lets no script of its own run.
        javascript: true,
        spellcheck: false,
      },
    });
    try {
      // On abort the print ends at once and the window is destroyed behind it.
      const pdf = await unlessAborted(render(window, file), signal);
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } catch (error) {
      if (error instanceof PrintError) throw error;
      throw new PrintError(
        `the document could not be printed (${error instanceof Error ? error.message : String(error)})`,
      );
    } finally {
      if (!window.isDestroyed()) window.destroy();
      documentFile = null;
      await rm(file, { force: true });
    }
  };

  const queue = createPrintQueue(printOne);
  return { print: queue.print, close: queue.drained };
}

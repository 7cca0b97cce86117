// What prints an HTML document to PDF: Electron's printToPDF in the desktop app, headless Chromium on
// the browser host. Each host brings its own; the print handler does the rest the same way.

/** A print that could not be made, with a message a user can act on. */
export class PrintError extends Error {
  override name = 'PrintError';
}

export interface PdfPrinter {
  /**
   * Prints a complete, self-contained HTML document (no network is allowed) to PDF bytes. Prints run
   * one at a time. An aborted signal gives up the print, so a stuck one cannot hold up the next.
   */
  print(html: string, signal?: AbortSignal): Promise<Uint8Array>;
  /** Lets go of what it holds (a browser kept for the next print). */
  close(): Promise<void>;
}

/**
 * Run in the page before printing: loads every font face of the document, then waits for all fonts.
 * document.fonts.ready alone is not enough: a face used only by a margin box (page numbers in a weight
 * the body does not use) starts loading at print time, and font-display:block would print it blank.
 * The document holds only the chunks its text needs, so loading all of them costs little.
 */
export const LOAD_FONTS_SCRIPT =
  'Promise.all(Array.from(document.fonts, (face) => face.load().catch(() => undefined)))' +
  '.then(() => document.fonts.ready).then(() => true)';

/** How long one print may take before it is given up: a bulletin with 400 photos takes seconds. */
export const PRINT_TIMEOUT_MS = 120_000;

/** The reason a print was given up, as the error a printer throws for it. */
export const abortReason = (signal: AbortSignal): PrintError =>
  signal.reason instanceof PrintError ? signal.reason : new PrintError('the print was cancelled');

/**
 * `work`, or the abort's reason as soon as the signal is aborted: the printers' engines do not always
 * fail what is pending on a page being closed, so a print cannot wait for them to.
 */
export function unlessAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    void work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Runs prints one after another: each holds a whole document, its photos and a renderer in memory.
 * A print whose signal is aborted while it waits never starts.
 */
export function createPrintQueue(printOne: (html: string, signal?: AbortSignal) => Promise<Uint8Array>): {
  print: PdfPrinter['print'];
  /** Settles once every print handed in so far has finished, whether or not it succeeded. */
  drained: () => Promise<void>;
} {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    print: (html, signal) => {
      const run = queue.then(() => {
        if (signal?.aborted) throw abortReason(signal);
        return printOne(html, signal);
      });
      queue = run.catch(() => undefined);
      return run;
    },
    drained: () => queue.then(() => undefined),
  };
}

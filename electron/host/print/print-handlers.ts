// The printPdf channel: the page's document, with the network shut out and the shipped font inlined,
// printed by the host's printer; the PDF goes back with its page count.
import type { HostHandlers } from '../../../shared/contract';
import { inlineFonts } from './inline-fonts';
import { countPdfPages } from './pdf-pages';
import { PRINT_TIMEOUT_MS, PrintError, type PdfPrinter } from './pdf-printer';

export type PrintHandlers = Pick<HostHandlers, 'printPdf'>;

/** What a printed document may load: nothing from outside it. */
export const NO_NETWORK_POLICY =
  "default-src 'none'; img-src data:; font-src data:; style-src 'unsafe-inline'";

const POLICY_META = `<meta http-equiv="Content-Security-Policy" content="${NO_NETWORK_POLICY}">`;

/**
 * The shipped font for text the document gives no font, margin boxes included (they inherit from the
 * page, not from body, so a page styling only body would print its page numbers in a laptop font).
 * First in the head, so that any font the document names wins.
 */
const DEFAULT_FONT = `<style>html,body{font-family:'Noto Sans SC'}@page{font-family:'Noto Sans SC'}</style>`;

/**
 * Right after <head>, or at </head> when the document leaves out the optional start tag; a <head> in
 * a comment is not the head.
 */
function headStart(html: string): number {
  const uncommented = html.replace(/<!--[\s\S]*?-->/g, (comment) => ' '.repeat(comment.length));
  const open = /<head(\s[^>]*)?>/i.exec(uncommented);
  const at = open ? open.index + open[0].length : uncommented.search(/<\/head>/i);
  if (at < 0) throw noHead();
  return at;
}

/** A doctype at the very start of a document (after a byte order mark and white space). */
const LEADING_DOCTYPE = /^\uFEFF?\s*<!doctype[^>]*>/i;

/**
 * Puts the no-network policy before anything else the document holds — right after a leading
 * doctype, else at the very start — never where its own text says <head> is: a script before its
 * <head>, or a <head> inside a comment, would otherwise come before the policy and run. The parser
 * puts a <meta> met before <head> into the head it implies, so the policy applies from its first
 * element on. Always added, even where the document quotes it: several policies all apply, so a
 * policy of the page's own can only narrow ours.
 */
export function withPolicy(html: string): string {
  const at = LEADING_DOCTYPE.exec(html)?.[0].length ?? 0;
  return html.slice(0, at) + POLICY_META + html.slice(at);
}

/** Gives a document without a <title> the request's title, which becomes the PDF's Title. */
export function withTitle(html: string, title: string): string {
  if (/<title[\s>]/i.test(html) || title.trim() === '') return html;
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const at = headStart(html);
  return `${html.slice(0, at)}<title>${escaped}</title>${html.slice(at)}`;
}

/** Puts the shipped font first in the head as the font of everything the document leaves unstyled. */
export function withDefaultFont(html: string): string {
  const at = headStart(html);
  return html.slice(0, at) + DEFAULT_FONT + html.slice(at);
}

const noHead = (): PrintError =>
  new PrintError('the document has no </head>; a report to print must be a complete HTML document');

/** Gives up the print after `ms`, aborting the printer's work so the next print is not held up. */
async function printWithin(printer: PdfPrinter, html: string, ms: number): Promise<Uint8Array> {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new PrintError(`printing took longer than ${String(ms / 1000)} s and was stopped`));
  }, ms);
  const timedOut = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), {
      once: true,
    });
  });
  try {
    return await Promise.race([printer.print(html, controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

export function createPrintHandlers(options: {
  printer: PdfPrinter;
  fontsDir: string;
  timeoutMs?: number;
}): PrintHandlers {
  return {
    printPdf: async ({ html, title }) => {
      if (!/<\/head>/i.test(html)) throw noHead();
      const prepared = withPolicy(withDefaultFont(withTitle(html, title)));
      const { html: ready } = await inlineFonts(prepared, options.fontsDir);
      const pdf = await printWithin(options.printer, ready, options.timeoutMs ?? PRINT_TIMEOUT_MS);
      return {
        pdfBase64: Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('base64'),
        pages: countPdfPages(pdf),
        bytes: pdf.byteLength,
      };
    },
  };
}

// Channels of the reports: printing a complete HTML document to PDF. The page builds the document
// (CSS paged media, photos inline as data: URLs); the host adds the shipped font and prints it —
// Electron's printToPDF in the desktop app, headless Chromium on the browser host.
import { z } from 'zod';
import { defineChannel } from './channel';

/** A bulletin with hundreds of downscaled photos is tens of megabytes of HTML; more is a mistake. */
export const MAX_PRINT_HTML_LENGTH = 150_000_000;

export const PrintPdfRequestSchema = z
  .object({
    html: z.string().min(1).max(MAX_PRINT_HTML_LENGTH),
    /** The document's title, for the host's log and the PDF's metadata. */
    title: z.string().max(200),
  })
  .strict();

export const PrintPdfResponseSchema = z.object({
  pdfBase64: z.string(),
  pages: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type PrintPdfResponse = z.infer<typeof PrintPdfResponseSchema>;

export const reportChannels = {
  printPdf: defineChannel(PrintPdfRequestSchema, PrintPdfResponseSchema),
};

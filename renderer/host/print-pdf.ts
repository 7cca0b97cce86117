// Printing a report to PDF through the host: the page hands over a complete HTML document (CSS paged
// media, photos inline as data: URLs) and gets the PDF's bytes back. The host adds the shipped font.
import { HostError, type HostApi } from '../../shared/contract';
import { decodeBase64 } from '../../shared/crypto/base64';

export interface PrintedPdf {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly pages: number;
}

/**
 * Prints `html` to PDF with the host's printer. Throws HostError with the host's message (no Chromium,
 * a print that timed out, fonts not built, a document without </head>) when it cannot.
 */
export async function printPdf(
  api: Pick<HostApi, 'printPdf'>,
  html: string,
  title: string,
): Promise<PrintedPdf> {
  const reply = await api.printPdf({ html, title });
  const bytes = decodeBase64(reply.pdfBase64);
  if (bytes.byteLength !== reply.bytes)
    throw new HostError(
      'failed',
      `the host sent ${String(bytes.byteLength)} bytes of PDF but announced ${String(reply.bytes)}`,
    );
  return { bytes, pages: reply.pages };
}

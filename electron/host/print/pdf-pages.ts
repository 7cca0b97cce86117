// The number of pages of a PDF Chromium wrote: its page objects (/Type /Page, not /Pages). Chromium
// (Skia) writes every object uncompressed at the top level, so counting them is exact.
export function countPdfPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

// A document ready to preview and to print: its photos prepared once, its HTML rendered on demand for
// either use, what it could not show, and for a 公文 its Word file.
import type { ReportMode } from './templates/ReportDocument';
import type { PrintPhoto } from './templates/parts';

export interface PreparedReport {
  /** The document's name, e.g. 整改通知书 督查〔2026〕12号. */
  title: string;
  /** The PDF's file name. */
  fileName: string;
  html: (mode: ReportMode) => string;
  /** Photos shown as marked placeholders (missing or unreadable). */
  problems: PrintPhoto[];
  /**
   * The document as a Word file (.docx) for an office to edit before it is stamped, for the 公文 (the
   * notice and the bulletin); saved under safeFileName(title, 'docx').
   */
  word?: () => Promise<Uint8Array>;
}

/** A file name any file system takes: no separators or reserved characters, not too long. */
export function safeFileName(name: string, extension: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|]+/g, '_')
    // Control characters: not in any name a person typed on purpose, and refused by Windows.
    .replace(/\p{Cc}+/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
  return `${cleaned || 'report'}.${extension}`;
}

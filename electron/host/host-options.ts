import type { HostKind } from '../../shared/contract';
import type { ForcedLanguage } from './language';
import type { PdfPrinter } from './print/pdf-printer';

/** What a host knows about itself at launch; both hosts fill it in and hand it to the handlers. */
export interface HostOptions {
  readonly host: HostKind;
  /** Electron's version in the desktop app, Node's in the browser host. */
  readonly hostVersion: string;
  /** The folder where the host keeps its own files (logs, exports in progress). */
  readonly dataDir: string;
  readonly systemLocale: string;
  readonly forcedLanguage: ForcedLanguage | null;
  /** Ducha's version, from package.json. */
  readonly appVersion: string;
  /** Prints reports to PDF: Electron's printToPDF, or headless Chromium on the browser host. */
  readonly printer: PdfPrinter;
  /** The shipped fonts (dist/renderer/fonts, with their manifest). */
  readonly fontsDir: string;
  /** The system's folder dialog for a hand-over by USB; only the desktop app has one. */
  readonly chooseFolder?: (purpose: 'export' | 'import') => Promise<string | null>;
  /** Kept holding the ids of the export sessions in progress, for a host that checks them early. */
  readonly liveExportSessions?: Set<string>;
}

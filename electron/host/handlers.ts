// Every host handler, joined from the small per-domain groups. Both hosts (Electron IPC and the browser
// host's loopback server) call exactly this object through shared/contract/dispatch.ts.
// No import of 'electron' anywhere under electron/host/: the browser host runs these in plain Node.
import type { HostHandlers } from '../../shared/contract';
import { createAppHandlers } from './app-handlers';
import { createExchangeHandlers } from './exchange/exchange-handlers';
import type { HostOptions } from './host-options';
import { createPrintHandlers } from './print/print-handlers';
import { createSyncHandlers } from './sync/sync-handlers';

export type { HostOptions } from './host-options';

export function createHostHandlers(options: HostOptions): HostHandlers {
  return {
    ...createAppHandlers(options),
    ...createPrintHandlers({ printer: options.printer, fontsDir: options.fontsDir }),
    ...createExchangeHandlers({
      chooseFolder: options.chooseFolder,
      liveExportSessions: options.liveExportSessions,
    }),
    ...createSyncHandlers(),
  };
}

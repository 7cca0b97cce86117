// The hand-over by USB, host side: drives, folder choosing, export sessions and import reading, joined
// into the channels of shared/contract/exchange-channels.ts.
import type { HostHandlers } from '../../../shared/contract';
import { listDrives, runCommand as defaultRunCommand, type RunCommand } from './drives';
import { createExportWriter } from './export-writer';
import { fileSystemOf } from './file-system-of';
import { createFolderBrowser, type ChooseFolder } from './folder-browser';
import { createImportReader } from './import-reader';
import { createLeftoverHandlers } from './leftovers';

export type ExchangeHandlers = Pick<
  HostHandlers,
  | 'exchangeDrives'
  | 'exchangeChooseFolder'
  | 'exchangeBrowse'
  | 'exchangeLeftovers'
  | 'exchangeRemoveLeftovers'
  | 'exportBegin'
  | 'exportWrite'
  | 'exportFinish'
  | 'exportAbort'
  | 'importScan'
  | 'importRead'
  | 'importReadFiles'
>;

export interface ExchangeOptions {
  readonly chooseFolder?: ChooseFolder;
  readonly platform?: NodeJS.Platform;
  readonly runCommand?: RunCommand;
  /** Kept holding the ids of the export sessions in progress (see ExportWriterOptions). */
  readonly liveExportSessions?: Set<string>;
  /** The folder chooser's home folder and mount places (tests give their own). */
  readonly homeDir?: () => string;
  readonly mountPlaces?: readonly string[];
}

/**
 * How long a drive listing serves the folder chooser and the FAT check. Listing starts a program
 * (PowerShell takes a second or more), too slow for every folder opened; the Drives channel itself
 * always lists afresh, so "Refresh" shows a stick plugged in a moment ago.
 */
const DRIVES_REUSE_MS = 10_000;

export function createExchangeHandlers(options: ExchangeOptions = {}): ExchangeHandlers {
  const platform = options.platform ?? process.platform;
  const run = options.runCommand ?? defaultRunCommand;

  let recent: { at: number; drives: ReturnType<typeof listDrives> } | null = null;
  const freshDrives = (): ReturnType<typeof listDrives> => {
    const drives = listDrives(platform, run);
    recent = { at: Date.now(), drives };
    return drives;
  };
  const recentDrives = (): ReturnType<typeof listDrives> =>
    recent !== null && Date.now() - recent.at < DRIVES_REUSE_MS ? recent.drives : freshDrives();

  const browser = createFolderBrowser({
    listDrives: recentDrives,
    chooseFolder: options.chooseFolder,
    ...(options.homeDir ? { homeDir: options.homeDir } : {}),
    ...(options.mountPlaces ? { mountPlaces: options.mountPlaces } : {}),
  });
  // The temporary folders of the exports in progress: never leftovers, whatever their age.
  const exportsInProgress = new Set<string>();
  const writer = createExportWriter({
    fileSystemOf: (folder) => fileSystemOf(folder, { platform, listDrives: recentDrives }),
    tempDirsInProgress: exportsInProgress,
    ...(options.liveExportSessions ? { liveSessions: options.liveExportSessions } : {}),
  });

  return {
    exchangeDrives: () => freshDrives(),
    ...browser,
    ...createLeftoverHandlers(exportsInProgress),
    ...writer,
    ...createImportReader(),
  };
}

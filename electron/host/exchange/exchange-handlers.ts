// The hand-over by USB, host side: drives, folder choosing, export sessions and import reading, joined
// into the channels of shared/contract/exchange-channels.ts. This is the grant gate: the page names
// folders only by the grants this run gave (a drive listed, a folder chosen, an export folder a scan
// found, a bundle scanned); each is turned into its folder here, and the modules behind work on paths.
import path from 'node:path';
import type { ExchangeFailure, HostHandlers } from '../../../shared/contract';
import { listDrives, runCommand as defaultRunCommand, type RunCommand } from './drives';
import { createExportWriter } from './export-writer';
import { faultOfError } from './faults';
import { fileSystemOf } from './file-system-of';
import { createFolderBrowser, type ChooseFolder } from './folder-browser';
import { createGrantTable, realFolder, type GrantTable } from './grants';
import { createImportReader } from './import-reader';
import { createLeftoverHandlers } from './leftovers';

export type ExchangeHandlers = Pick<
  HostHandlers,
  | 'exchangeDrives'
  | 'exchangeChooseFolder'
  | 'exchangeBrowse'
  | 'exchangeGrant'
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

/** `step` on the folder of a grant, or why the grant gives none (unknown, gone, replaced by a link). */
async function inGrant<R>(
  table: GrantTable,
  grant: string,
  step: (folder: string) => Promise<R>,
): Promise<R | ExchangeFailure> {
  let folder: string | ExchangeFailure;
  try {
    folder = await table.folderOf(grant);
  } catch (error) {
    // An unplugged stick or a folder removed since it was chosen.
    return faultOfError(error, 'notFound');
  }
  return typeof folder === 'string' ? step(folder) : folder;
}

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

  // Chosen folders and drives, and the bundle folders scans found: apart, so a place cannot be read
  // from and a bundle cannot be written to.
  const places = createGrantTable();
  const bundles = createGrantTable();
  const browser = createFolderBrowser({
    listDrives: recentDrives,
    grants: places,
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

  const leftovers = createLeftoverHandlers(exportsInProgress);
  const reader = createImportReader({ grants: { places, bundles } });
  // A drive that cannot be resolved now (being unmounted) still gets a grant; using it says notFound.
  const driveGrant = async (mountPath: string) =>
    places.grant(await realFolder(mountPath).catch(() => path.resolve(mountPath)));

  return {
    exchangeDrives: async () => {
      const listed = await freshDrives();
      const drives = await Promise.all(
        listed.drives.map(async (drive) => ({ ...drive, grant: await driveGrant(drive.mountPath) })),
      );
      return { ...listed, drives };
    },
    ...browser,
    exchangeLeftovers: ({ grant }) =>
      inGrant(places, grant, (folder) => leftovers.exchangeLeftovers({ folder })),
    exchangeRemoveLeftovers: ({ grant }) =>
      inGrant(places, grant, (folder) => leftovers.exchangeRemoveLeftovers({ folder })),
    exportBegin: ({ grant, ...request }) =>
      inGrant(places, grant, (targetDir) => writer.exportBegin({ ...request, targetDir })),
    exportWrite: writer.exportWrite,
    exportFinish: writer.exportFinish,
    exportAbort: writer.exportAbort,
    importScan: ({ grant }) => inGrant(places, grant, (folder) => reader.importScan({ folder })),
    importRead: ({ bundleGrant, ...request }) =>
      inGrant(bundles, bundleGrant, (folder) => reader.importRead({ ...request, folder })),
    importReadFiles: ({ bundleGrant, ...request }) =>
      inGrant(bundles, bundleGrant, (folder) => reader.importReadFiles({ ...request, folder })),
  };
}

// Choosing a folder: the system's dialog where the desktop app has one, and a plain listing of
// subfolders for the in-app chooser, which is all the browser host can offer.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Drives, ExchangeFailure, HostHandlers, ResponseOf } from '../../../shared/contract';
import { errorCode, failed, faultOfError } from './faults';

export type FolderHandlers = Pick<HostHandlers, 'exchangeBrowse' | 'exchangeChooseFolder'>;

export type ChooseFolder = (purpose: 'export' | 'import') => Promise<string | null>;

export interface FolderBrowserOptions {
  readonly listDrives: () => Promise<Drives>;
  /** The system's folder dialog (Electron's); absent on the browser host. */
  readonly chooseFolder?: ChooseFolder;
  readonly homeDir?: () => string;
}

/** Folder names as the chooser shows them: hidden ones left out, in the user's collation. */
async function subfolders(folder: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) names.push(entry.name);
    else if (entry.isSymbolicLink()) {
      // Only to browse (~/Desktop is a link on some systems); exports and imports check links apart.
      const target = await fs.stat(path.join(folder, entry.name)).catch(() => null);
      if (target?.isDirectory()) names.push(entry.name);
    }
  }
  return names.sort((a, b) => a.localeCompare(b));
}

function browseFault(error: unknown): ExchangeFailure {
  if (errorCode(error) === 'ENOTDIR') return failed('notAFolder', String(error));
  const failure = faultOfError(error, 'notFound');
  // A folder we may not list is not "read-only" (that is about writing): say so with its code.
  return failure.fault === 'readOnly' ? { ...failure, fault: 'io' } : failure;
}

export function createFolderBrowser(options: FolderBrowserOptions): FolderHandlers {
  const homeDir = options.homeDir ?? os.homedir;

  async function browse(requested: string | null): Promise<ResponseOf<'exchangeBrowse'>> {
    const home = homeDir();
    // A relative path would be taken from wherever the host was started: never what the page meant.
    if (requested !== null && !path.isAbsolute(requested))
      return failed('unsafePath', `not an absolute path: ${requested.slice(0, 80)}`);
    const folder = path.resolve(requested ?? home);
    const folders = await subfolders(folder);
    const parent = path.dirname(folder);
    const drives = await options.listDrives().catch(() => null);
    const places = [
      { label: path.basename(home) || home, path: home },
      ...(drives?.drives ?? []).map((drive) => ({ label: drive.label, path: drive.mountPath })),
    ];
    return { status: 'listed', path: folder, parent: parent === folder ? null : parent, folders, places };
  }

  return {
    exchangeBrowse: ({ path: requested }) => browse(requested).catch(browseFault),

    exchangeChooseFolder: async ({ purpose }) => {
      if (!options.chooseFolder) return { path: null, native: false };
      return { path: await options.chooseFolder(purpose), native: true };
    },
  };
}

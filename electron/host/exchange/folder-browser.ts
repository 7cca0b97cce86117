// Choosing a folder: the system's dialog where the desktop app has one, and a plain listing of
// subfolders for the in-app chooser, which is all the browser host can offer. Either way the folder
// chosen becomes a grant (grants.ts): the page holds its id, never a path it could change.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Drives, ExchangeFailure, HostHandlers, ResponseOf } from '../../../shared/contract';
import { errorCode, failed, faultOfError } from './faults';
import { realFolder, type GrantTable } from './grants';

export type FolderHandlers = Pick<HostHandlers, 'exchangeBrowse' | 'exchangeChooseFolder' | 'exchangeGrant'>;

export type ChooseFolder = (purpose: 'export' | 'import') => Promise<string | null>;

export interface FolderBrowserOptions {
  readonly listDrives: () => Promise<Drives>;
  readonly grants: GrantTable;
  /** The system's folder dialog (Electron's); absent on the browser host. */
  readonly chooseFolder?: ChooseFolder;
  readonly homeDir?: () => string;
  /** Where disks are mounted besides the listed drives; the system's usual places by default. */
  readonly mountPlaces?: readonly string[];
}

/**
 * Where Linux and macOS mount disks a person exports to (a stick not listed as removable, a second
 * disk), and the system's temporary folder (an export parked before it is copied on).
 */
const mountPlaces = (): string[] => ['/media', '/mnt', '/run/media', '/Volumes', os.tmpdir()];

/** Whether `folder` is `root` or lies under it (both resolved). */
function within(folder: string, root: string): boolean {
  const relative = path.relative(root, folder);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
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

/** Why `folder` lies outside `roots` or in a hidden folder under one, or null when the chooser may show it. */
function outsideRoots(folder: string, roots: readonly string[]): ExchangeFailure | null {
  const root = roots.find((r) => within(folder, path.resolve(r)));
  if (root === undefined)
    return failed('unsafePath', `${folder} is not under the home folder, a drive or a mount place`);
  const below = path.relative(path.resolve(root), folder);
  const hidden = below.split(/[\\/]/).find((part) => part.startsWith('.'));
  return hidden === undefined ? null : failed('unsafePath', `a hidden folder is not listed (${hidden})`);
}

/**
 * Why a folder whose path looks inside the roots really lies outside them once links are resolved
 * (a link under the home folder to /etc or to ~/.ssh), or null. A folder not there is left to the
 * caller's own step, which names it.
 */
async function leadsOutside(folder: string, roots: readonly string[]): Promise<ExchangeFailure | null> {
  const real = await realFolder(folder).catch(() => null);
  if (real === null) return null;
  const realRoots = await Promise.all(roots.map((r) => realFolder(r).catch(() => path.resolve(r))));
  const outside = outsideRoots(real, realRoots);
  return outside && { ...outside, detail: `${folder} leads to ${real}: ${outside.detail}` };
}

export function createFolderBrowser(options: FolderBrowserOptions): FolderHandlers {
  const homeDir = options.homeDir ?? os.homedir;

  /** The places to start from, and every root the chooser may show what lies under. */
  async function placesAndRoots() {
    const home = homeDir();
    const drives = await options.listDrives().catch(() => null);
    const places = [
      { label: path.basename(home) || home, path: home },
      ...(drives?.drives ?? []).map((drive) => ({ label: drive.label, path: drive.mountPath })),
    ];
    // The chooser lists the home folder, the drives and the mount places, and what lies under them
    // outside hidden folders: never /etc, /proc or another user's files (issue 19).
    const roots = [...places.map((p) => p.path), ...(options.mountPlaces ?? mountPlaces())];
    return { home, places, roots };
  }

  async function browse(requested: string | null): Promise<ResponseOf<'exchangeBrowse'>> {
    // A relative path would be taken from wherever the host was started: never what the page meant.
    if (requested !== null && !path.isAbsolute(requested))
      return failed('unsafePath', `not an absolute path: ${requested.slice(0, 80)}`);
    const { home, places, roots } = await placesAndRoots();
    const folder = path.resolve(requested ?? home);
    const outside = outsideRoots(folder, roots) ?? (await leadsOutside(folder, roots));
    if (outside) return outside;
    const folders = await subfolders(folder);
    const parent = path.dirname(folder);
    const parentShown = parent !== folder && roots.some((r) => within(parent, path.resolve(r)));
    return { status: 'listed', path: folder, parent: parentShown ? parent : null, folders, places };
  }

  /**
   * "Use this folder" in the in-app chooser: a folder it could list, and whose real path (links
   * resolved) it could list too — a link under the home folder to /etc grants nothing.
   */
  async function grantChosen(requested: string): Promise<ResponseOf<'exchangeGrant'>> {
    if (options.chooseFolder)
      return failed('unsafePath', 'the desktop app is given folders through the system dialog only');
    if (!path.isAbsolute(requested))
      return failed('unsafePath', `not an absolute path: ${requested.slice(0, 80)}`);
    const { roots } = await placesAndRoots();
    const folder = path.resolve(requested);
    const outside = outsideRoots(folder, roots) ?? (await leadsOutside(folder, roots));
    if (outside) return outside;
    if (!(await fs.stat(folder)).isDirectory()) return failed('notAFolder', `${folder} is not a folder`);
    return { status: 'granted', grant: options.grants.grant(await realFolder(folder)), path: folder };
  }

  return {
    exchangeBrowse: ({ path: requested }) => browse(requested).catch(browseFault),

    exchangeGrant: ({ path: requested }) => grantChosen(requested).catch(browseFault),

    exchangeChooseFolder: async ({ purpose }) => {
      if (!options.chooseFolder) return { native: false, chosen: null };
      const chosen = await options.chooseFolder(purpose);
      if (chosen === null) return { native: true, chosen: null };
      // What the system dialog gives is the person's own choice, wherever it is.
      const real = await realFolder(path.resolve(chosen));
      return { native: true, chosen: { grant: options.grants.grant(real), path: chosen } };
    },
  };
}

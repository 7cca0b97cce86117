// The file system a folder lives on, so an export can refuse early what FAT cannot hold (a file of
// 4 GiB or more) instead of failing at the end of a long write.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Drives } from '../../../shared/contract';

export interface MountEntry {
  readonly mountPoint: string;
  readonly type: string;
}

/**
 * /proc/mounts writes space, tab, newline and backslash in paths as octal escapes (\040...); other
 * bytes, a Chinese folder name's UTF-8 included, come as they are.
 */
const decodeMountPath = (field: string): string =>
  field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

export function parseProcMounts(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(' ');
    const mountPoint = fields[1];
    const type = fields[2];
    if (mountPoint === undefined || type === undefined) continue;
    entries.push({ mountPoint: decodeMountPath(mountPoint), type });
  }
  return entries;
}

const contains = (mountPoint: string, folder: string): boolean =>
  mountPoint === '/' || folder === mountPoint || folder.startsWith(`${mountPoint}/`);

/**
 * The type of the mount holding `realFolder` (already resolved through links): the longest mount
 * point that is a prefix of it, and of several mounts on the same point the last, which is the one
 * on top.
 */
export function fileSystemFromMounts(mounts: readonly MountEntry[], realFolder: string): string | null {
  let best: MountEntry | null = null;
  for (const entry of mounts) {
    if (!contains(entry.mountPoint, realFolder)) continue;
    if (best === null || entry.mountPoint.length >= best.mountPoint.length) best = entry;
  }
  return best?.type ?? null;
}

/** On Windows and macOS: the file system the drive listing gives for the drive holding the folder. */
export function fileSystemFromDrives(
  drives: Drives,
  folder: string,
  platform: NodeJS.Platform,
): string | null {
  const windows = platform === 'win32';
  const normalize = (p: string): string => {
    const resolved = windows ? path.win32.resolve(p).toLowerCase() : path.posix.resolve(p);
    const separator = windows ? '\\' : '/';
    return resolved.endsWith(separator) ? resolved : resolved + separator;
  };
  const target = normalize(folder);
  let best: { mount: string; fileSystem: string | null } | null = null;
  for (const drive of drives.drives) {
    const mount = normalize(drive.mountPath);
    if (target.startsWith(mount) && (best === null || mount.length > best.mount.length))
      best = { mount, fileSystem: drive.fileSystem };
  }
  return best?.fileSystem ?? null;
}

export interface FileSystemOfOptions {
  readonly platform: NodeJS.Platform;
  readonly listDrives: () => Promise<Drives>;
  /** The mount table; /proc/self/mounts unless a test gives another. */
  readonly readMounts?: () => Promise<string>;
}

/** The folder's file-system type (vfat, fuse.fusefat, exfat, ext4, FAT32, msdos...), or null. */
export async function fileSystemOf(folder: string, options: FileSystemOfOptions): Promise<string | null> {
  if (options.platform === 'linux') {
    const readMounts = options.readMounts ?? (() => fs.readFile('/proc/self/mounts', 'utf8'));
    try {
      const [real, mounts] = await Promise.all([fs.realpath(folder), readMounts()]);
      return fileSystemFromMounts(parseProcMounts(mounts), real);
    } catch {
      return null;
    }
  }
  try {
    return fileSystemFromDrives(await options.listDrives(), folder, options.platform);
  } catch {
    return null;
  }
}

/**
 * FAT in any of its names: Linux's kernel driver (vfat, msdos), FUSE's fusefat, Windows' FAT/FAT32,
 * macOS's msdos. Not exFAT, which has no 4 GiB limit.
 */
const FAT_NAMES = new Set(['vfat', 'msdos', 'fat', 'fat12', 'fat16', 'fat32', 'fuse.fusefat', 'fusefat']);

export const isFat = (type: string | null): boolean => type !== null && FAT_NAMES.has(type.toLowerCase());

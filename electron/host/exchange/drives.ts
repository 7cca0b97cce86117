// The removable drives a hand-over can go to, listed with each system's own tool so the app needs no
// native module: lsblk on Linux, PowerShell's Get-Volume on Windows, diskutil on macOS. Each tool's
// output is read by a pure parser (tested on real-looking samples); listing never throws, because
// "Choose folder" works without it.
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import type { Drive, Drives } from '../../../shared/contract';
import { errorCode } from './faults';
import { freeSpaceOf } from './free-space';
import { isPlistDict, parsePlist, type PlistValue } from './plist';

/** Runs a program (no shell) and gives its standard output; rejects on failure or timeout. */
export type RunCommand = (file: string, args: readonly string[], timeoutMs?: number) => Promise<string>;

export const COMMAND_TIMEOUT_MS = 5_000;
/** PowerShell alone can take seconds to start on a cold, older laptop, before Get-Volume asks WMI. */
const POWERSHELL_TIMEOUT_MS = 15_000;

export const runCommand: RunCommand = (file, args, timeoutMs = COMMAND_TIMEOUT_MS) =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        if (error.killed) {
          const message = `${file} did not answer within ${String(timeoutMs / 1000)} s`;
          reject(Object.assign(new Error(message), { code: 'ETIMEDOUT' }));
          return;
        }
        // The tool's own complaint says more than "Command failed"; the code tells a missing tool
        // (ENOENT) from one that ran and failed (its exit status).
        const said = stderr.trim();
        const first = error.message.split('\n')[0] ?? '';
        const message = said === '' ? first : `${first}: ${said.slice(0, 500)}`;
        reject(Object.assign(new Error(message), { code: error.code }));
      },
    );
  });

type Json = { [key: string]: unknown };
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
/** Older tools print numbers and flags as strings ("1", "16008609792"); newer ones as JSON values. */
const count = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return null;
};
const flag = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 'true';

// ---- Linux: lsblk ----

/**
 * Newest first: MOUNTPOINTS came with util-linux 2.37 and FSAVAIL with 2.33, and an unknown column
 * fails the whole call, so older systems get the next set. MOUNTPOINT is kept in every set because
 * 2.37+ shows only the first of several mount points in it and older ones have nothing else.
 */
export const LSBLK_COLUMN_SETS: readonly (readonly string[])[] = [
  ['NAME', 'RM', 'HOTPLUG', 'TRAN', 'MOUNTPOINT', 'MOUNTPOINTS', 'LABEL', 'FSTYPE', 'SIZE', 'FSAVAIL'],
  ['NAME', 'RM', 'HOTPLUG', 'TRAN', 'MOUNTPOINT', 'LABEL', 'FSTYPE', 'SIZE', 'FSAVAIL'],
  ['NAME', 'RM', 'HOTPLUG', 'TRAN', 'MOUNTPOINT', 'LABEL', 'FSTYPE', 'SIZE'],
];

/**
 * util-linux before 2.33 wrote spaces and other bytes in mount points and labels as \x20, a raw
 * escape JSON does not allow. Doubling that backslash (and only that one: an escaped backslash pair
 * is consumed whole) makes the text JSON; the escapes are decoded after parsing.
 */
const jsonWithHexEscapes = (text: string): string =>
  text.replace(/\\(\\|x)/g, (whole, next: string) => (next === 'x' ? '\\\\x' : whole));

/** Decodes runs of \xHH escapes as UTF-8 bytes (a Chinese label comes as several). */
const unescapeLsblk = (value: string): string =>
  value.replace(/(?:\\x[0-9a-fA-F]{2})+/g, (run) =>
    Buffer.from(run.replace(/\\x/g, ''), 'hex').toString('utf8'),
  );

/** Where the system itself lives: a removable disk mounted there is the system disk, not a stick. */
const isSystemMount = (mountPath: string): boolean =>
  mountPath === '/' || mountPath === '/boot' || mountPath.startsWith('/boot/');

function mountPointOf(device: Json): string | null {
  const candidates = Array.isArray(device.mountpoints) ? device.mountpoints : [device.mountpoint];
  for (const candidate of candidates) {
    // "[SWAP]" and null are not folders.
    if (typeof candidate !== 'string' || !candidate.startsWith('/')) continue;
    const mountPath = unescapeLsblk(candidate);
    if (!isSystemMount(mountPath)) return mountPath;
  }
  return null;
}

/**
 * The mounted file systems on removable devices in `lsblk --json -b` output. A device counts as
 * removable when it says so (RM), is hot-pluggable (HOTPLUG: USB hard disks report RM=0), or hangs on
 * USB; partitions, which carry no transport, inherit that from their disk.
 */
export function parseLsblk(json: string): Drive[] {
  const root: unknown = JSON.parse(jsonWithHexEscapes(json));
  if (!isObject(root) || !Array.isArray(root.blockdevices)) throw new Error('lsblk printed no blockdevices');
  const drives: Drive[] = [];
  const seen = new Set<string>();
  const visit = (device: unknown, parentRemovable: boolean): void => {
    if (!isObject(device)) return;
    const removable = parentRemovable || flag(device.rm) || flag(device.hotplug) || device.tran === 'usb';
    const mountPath = removable ? mountPointOf(device) : null;
    if (mountPath !== null && !seen.has(mountPath)) {
      seen.add(mountPath);
      const label = unescapeLsblk(text(device.label));
      const fileSystem = text(device.fstype);
      drives.push({
        mountPath,
        label: label || basename(mountPath) || text(device.name),
        fileSystem: fileSystem === '' ? null : fileSystem,
        sizeBytes: count(device.size),
        freeBytes: count(device.fsavail),
      });
    }
    if (Array.isArray(device.children)) for (const child of device.children) visit(child, removable);
  };
  for (const device of root.blockdevices) visit(device, false);
  return drives;
}

async function listLinux(run: RunCommand): Promise<Drive[]> {
  let lastError: unknown = new Error('lsblk was not run');
  for (const columns of LSBLK_COLUMN_SETS) {
    try {
      return parseLsblk(await run('lsblk', ['--json', '-b', '-o', columns.join(',')]));
    } catch (error) {
      if (errorCode(error) === 'ENOENT' || errorCode(error) === 'ETIMEDOUT') throw error;
      lastError = error;
    }
  }
  throw lastError;
}

// ---- Windows: PowerShell Get-Volume ----

/**
 * UTF-8 output first: otherwise PowerShell writes in the console's code page (GBK on a Chinese
 * Windows) and a label like 督查U盘 would arrive garbled. Only 'Removable' volumes: a USB hard disk
 * reports 'Fixed' and is reached through "Choose folder".
 */
export const POWERSHELL_SCRIPT =
  '[Console]::OutputEncoding = [System.Text.Encoding]::UTF8; ' +
  "Get-Volume | Where-Object DriveType -eq 'Removable' | " +
  'Select-Object DriveLetter,FileSystemLabel,FileSystem,Size,SizeRemaining | ConvertTo-Json';

/** A drive letter as ConvertTo-Json writes a [char]: "E" in most versions, its code (69) in some. */
function driveLetter(value: unknown): string | null {
  const letter = typeof value === 'number' ? String.fromCharCode(value) : text(value);
  return /^[A-Za-z]$/.test(letter) ? letter.toUpperCase() : null;
}

/** ConvertTo-Json prints one object without brackets, several as an array, and nothing for none. */
export function parseWindowsVolumes(json: string): Drive[] {
  const trimmed = json.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return [];
  const parsed: unknown = JSON.parse(trimmed);
  const volumes = Array.isArray(parsed) ? (parsed as unknown[]) : [parsed];
  const drives: Drive[] = [];
  for (const volume of volumes) {
    if (!isObject(volume)) continue;
    const letter = driveLetter(volume.DriveLetter);
    const fileSystem = text(volume.FileSystem);
    const sizeBytes = count(volume.Size);
    // An empty card-reader slot is a removable volume with a letter but no file system and no size.
    if (letter === null || fileSystem === '' || !sizeBytes) continue;
    drives.push({
      mountPath: `${letter}:\\`,
      label: text(volume.FileSystemLabel) || `${letter}:`,
      fileSystem,
      sizeBytes,
      freeBytes: count(volume.SizeRemaining),
    });
  }
  return drives;
}

async function listWindows(run: RunCommand): Promise<Drive[]> {
  const output = await run(
    'powershell.exe',
    ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-Command', POWERSHELL_SCRIPT],
    POWERSHELL_TIMEOUT_MS,
  );
  return parseWindowsVolumes(output);
}

// ---- macOS: diskutil ----

/** A mounted volume found by `diskutil list -plist external`, before `diskutil info` fills it in. */
export interface DiskutilVolume {
  readonly id: string;
  readonly mountPath: string;
  readonly label: string;
  readonly sizeBytes: number | null;
}

/**
 * The mounted volumes of the external disks. A volume is a partition (Partitions), a volume of an
 * APFS container (APFSVolumes, under the synthesized disk) or a whole disk formatted without a
 * partition table (the disk's own MountPoint). `external` without `physical`, so that an external
 * APFS drive's synthesized container is included; disk images are dropped later by `diskutil info`.
 */
export function parseDiskutilList(xml: string): DiskutilVolume[] {
  const root = parsePlist(xml);
  if (!isPlistDict(root) || !Array.isArray(root.AllDisksAndPartitions))
    throw new Error('diskutil printed no AllDisksAndPartitions');
  const volumes: DiskutilVolume[] = [];
  const take = (entry: PlistValue): void => {
    if (!isPlistDict(entry)) return;
    const mountPath = text(entry.MountPoint);
    const id = text(entry.DeviceIdentifier);
    if (mountPath.startsWith('/') && id !== '' && !volumes.some((v) => v.mountPath === mountPath)) {
      volumes.push({
        id,
        mountPath,
        label: text(entry.VolumeName) || basename(mountPath),
        sizeBytes: count(entry.Size),
      });
    }
  };
  for (const disk of root.AllDisksAndPartitions) {
    if (!isPlistDict(disk)) continue;
    take(disk);
    for (const key of ['Partitions', 'APFSVolumes']) {
      const list = disk[key];
      if (Array.isArray(list)) list.forEach(take);
    }
  }
  return volumes;
}

export interface DiskutilInfo {
  /** diskutil's short name: msdos (FAT), exfat, apfs, hfs, ntfs. */
  readonly fileSystem: string | null;
  readonly diskImage: boolean;
  readonly freeBytes: number | null;
}

/** What `diskutil info -plist <id>` adds: the file system, whether it is a disk image, free space. */
export function parseDiskutilInfo(xml: string): DiskutilInfo {
  const info = parsePlist(xml);
  if (!isPlistDict(info)) throw new Error('diskutil info printed no dictionary');
  const fileSystem = text(info.FilesystemType);
  const free = count(info.FreeSpace) || count(info.APFSContainerFree);
  return {
    fileSystem: fileSystem === '' ? null : fileSystem,
    diskImage: info.BusProtocol === 'Disk Image',
    freeBytes: free || null,
  };
}

async function listMac(run: RunCommand): Promise<Drive[]> {
  const volumes = parseDiskutilList(await run('diskutil', ['list', '-plist', 'external']));
  const drives: Drive[] = [];
  for (const volume of volumes) {
    let info: DiskutilInfo | null = null;
    try {
      info = parseDiskutilInfo(await run('diskutil', ['info', '-plist', volume.id]));
    } catch {
      // The volume is still a place to write to; only its file system stays unknown.
    }
    if (info?.diskImage) continue;
    drives.push({
      mountPath: volume.mountPath,
      label: volume.label,
      fileSystem: info?.fileSystem ?? null,
      sizeBytes: volume.sizeBytes,
      freeBytes: info?.freeBytes ?? null,
    });
  }
  return drives;
}

// ---- all platforms ----

const LISTERS = {
  linux: { lister: 'lsblk', list: listLinux },
  win32: { lister: 'powershell', list: listWindows },
  darwin: { lister: 'diskutil', list: listMac },
} as const;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The removable drives of this system. Free space the tool did not give comes from statfs on the
 * mount point. A missing tool gives `lister: null` and the reason; the listing never throws.
 */
export async function listDrives(
  platform: NodeJS.Platform,
  run: RunCommand = runCommand,
  freeSpace: (folder: string) => Promise<number | null> = freeSpaceOf,
): Promise<Drives> {
  if (platform !== 'linux' && platform !== 'win32' && platform !== 'darwin')
    return { drives: [], lister: null, problem: `no drive lister for ${platform}` };
  const { lister, list } = LISTERS[platform];
  let drives: Drive[];
  try {
    drives = await list(run);
  } catch (error) {
    if (errorCode(error) === 'ENOENT')
      return { drives: [], lister: null, problem: `${lister} is not available: ${describe(error)}` };
    return { drives: [], lister, problem: `${lister} failed: ${describe(error)}` };
  }
  const filled = await Promise.all(
    drives.map(async (drive) => {
      if (drive.freeBytes !== null) return drive;
      try {
        return { ...drive, freeBytes: await freeSpace(drive.mountPath) };
      } catch {
        return drive;
      }
    }),
  );
  return { drives: filled, lister, problem: null };
}

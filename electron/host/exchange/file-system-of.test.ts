// Which file system holds a folder: the mount table's rules (escapes, the longest prefix, stacked
// mounts), the drive listing on Windows and macOS, FAT's many names, and the real answer on this system.
// Real FAT (through FUSE) and tmpfs mounts are checked in faults.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Drives } from '../../../shared/contract';
import {
  fileSystemFromDrives,
  fileSystemFromMounts,
  fileSystemOf,
  isFat,
  parseProcMounts,
} from './file-system-of';
import { freeSpaceOf } from './free-space';

const MOUNTS = [
  '/dev/nvme0n1p2 / ext4 rw,relatime,errors=remount-ro 0 0',
  'tmpfs /run tmpfs rw,nosuid,nodev,noexec,relatime,size=1620960k,mode=755 0 0',
  '/dev/sda1 /media/kim/KINGSTON\\040DT vfat rw,nosuid,nodev,relatime,uid=1000,gid=1000,fmask=0022 0 0',
  '/dev/sdb1 /media/kim/督查U盘 exfat rw,nosuid,nodev,relatime,uid=1000 0 0',
  '/dev/sdc1 /mnt/usb ext4 rw,relatime 0 0',
  'fusefat /mnt/usb fuse.fusefat rw,nosuid,nodev,relatime,user_id=0,group_id=0 0 0',
  '',
].join('\n');

describe('the mount table', () => {
  const mounts = parseProcMounts(MOUNTS);

  it('decodes the octal escapes of mount points and keeps UTF-8 names', () => {
    expect(mounts.map((m) => m.mountPoint)).toContain('/media/kim/KINGSTON DT');
    expect(mounts.map((m) => m.mountPoint)).toContain('/media/kim/督查U盘');
  });

  it('takes the longest mount point that holds the folder, on a whole segment', () => {
    expect(fileSystemFromMounts(mounts, '/media/kim/KINGSTON DT/exports')).toBe('vfat');
    expect(fileSystemFromMounts(mounts, '/media/kim/督查U盘')).toBe('exfat');
    // /media/kim/KINGSTON DT2 is not inside /media/kim/KINGSTON DT.
    expect(fileSystemFromMounts(mounts, '/media/kim/KINGSTON DT2')).toBe('ext4');
    expect(fileSystemFromMounts(mounts, '/home/kim')).toBe('ext4');
  });

  it('takes the mount on top where two share a mount point', () => {
    expect(fileSystemFromMounts(mounts, '/mnt/usb/x')).toBe('fuse.fusefat');
  });
});

describe('the drive listing (Windows, macOS)', () => {
  const drives: Drives = {
    lister: 'powershell',
    problem: null,
    drives: [
      { mountPath: 'E:\\', label: 'U', fileSystem: 'FAT32', sizeBytes: 1, freeBytes: 1 },
      { mountPath: '/Volumes/督查U盘', label: 'U', fileSystem: 'msdos', sizeBytes: 1, freeBytes: 1 },
    ],
  };

  it('finds the drive holding the folder, without regard to case on Windows', () => {
    expect(fileSystemFromDrives(drives, 'e:\\导出\\2026', 'win32')).toBe('FAT32');
    expect(fileSystemFromDrives(drives, 'E:\\', 'win32')).toBe('FAT32');
    expect(fileSystemFromDrives(drives, 'C:\\Users\\kim', 'win32')).toBeNull();
    expect(fileSystemFromDrives(drives, '/Volumes/督查U盘/exports', 'darwin')).toBe('msdos');
    expect(fileSystemFromDrives(drives, '/Volumes/督查U盘2', 'darwin')).toBeNull();
  });

  it('asks the listing on those systems, and gives null when it fails', async () => {
    const listDrives = () => Promise.resolve(drives);
    expect(await fileSystemOf('E:\\x', { platform: 'win32', listDrives })).toBe('FAT32');
    const failing = () => Promise.reject(new Error('no PowerShell'));
    expect(await fileSystemOf('E:\\x', { platform: 'win32', listDrives: failing })).toBeNull();
  });
});

describe('isFat', () => {
  it.each(['vfat', 'msdos', 'fat', 'FAT', 'FAT32', 'fat32', 'fuse.fusefat'])('is true for %s', (type) => {
    expect(isFat(type)).toBe(true);
  });
  it.each(['exfat', 'exFAT', 'fuseblk', 'ntfs', 'ext4', 'tmpfs', 'apfs'])('is false for %s', (type) => {
    expect(isFat(type)).toBe(false);
  });
  it('is false for an unknown file system', () => {
    expect(isFat(null)).toBe(false);
  });
});

describe('on this system', () => {
  const folder = mkdtempSync(join(tmpdir(), 'ducha-fs-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.skipIf(process.platform !== 'linux')('reads the type of a real folder as findmnt does', async () => {
    const type = await fileSystemOf(folder, {
      platform: 'linux',
      listDrives: () => Promise.reject(new Error()),
    });
    let expected: string | null = null;
    try {
      expected = execFileSync('findmnt', ['-n', '-o', 'FSTYPE', '-T', folder], { encoding: 'utf8' }).trim();
    } catch {
      console.warn('[file-system-of] findmnt is not installed: only checking that a type was found');
    }
    expect(type).toMatch(/\S/);
    if (expected) expect(type).toBe(expected);
  });

  it('gives a folder that is not there no type', async () => {
    const none = join(folder, 'none');
    expect(
      await fileSystemOf(none, { platform: 'linux', listDrives: () => Promise.reject(new Error()) }),
    ).toBeNull();
  });

  it('measures the free space of a real folder', async () => {
    const free = await freeSpaceOf(folder);
    expect(free).toBeGreaterThan(0);
  });
});

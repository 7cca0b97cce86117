// The drive listers' parsers on samples shaped like each tool's real output (new and old versions),
// listDrives with a stand-in for the tools, and one real run of lsblk where this system has it.
import { describe, expect, it } from 'vitest';
import {
  listDrives,
  parseDiskutilInfo,
  parseDiskutilList,
  parseLsblk,
  parseWindowsVolumes,
  POWERSHELL_SCRIPT,
  runCommand,
  type RunCommand,
} from './drives';
import { errorCode } from './faults';
import { parsePlist } from './plist';

// util-linux 2.38 (Debian 12): typed JSON, both MOUNTPOINT and MOUNTPOINTS, partitions as children.
const LSBLK_238 = `{
   "blockdevices": [
      {"name":"loop0", "rm":false, "hotplug":false, "tran":null, "mountpoint":"/snap/core22/1380", "mountpoints":["/snap/core22/1380"], "label":null, "fstype":"squashfs", "size":77475840, "fsavail":0},
      {"name":"sda", "rm":true, "hotplug":true, "tran":"usb", "mountpoint":null, "mountpoints":[null], "label":null, "fstype":null, "size":15518924800, "fsavail":null,
         "children": [
            {"name":"sda1", "rm":true, "hotplug":true, "tran":null, "mountpoint":"/media/kim/督查U盘", "mountpoints":["/media/kim/督查U盘"], "label":"督查U盘", "fstype":"vfat", "size":15514730496, "fsavail":15401234432}
         ]
      },
      {"name":"sdb", "rm":false, "hotplug":true, "tran":"usb", "mountpoint":null, "mountpoints":[null], "label":null, "fstype":null, "size":1000170586112, "fsavail":null,
         "children": [
            {"name":"sdb1", "rm":false, "hotplug":true, "tran":null, "mountpoint":null, "mountpoints":["/media/kim/My Passport", "/mnt/backup"], "label":"My Passport", "fstype":"ntfs", "size":1000169537536, "fsavail":400000000000},
            {"name":"sdb2", "rm":false, "hotplug":true, "tran":null, "mountpoint":null, "mountpoints":[null], "label":"spare", "fstype":"ext4", "size":1048576, "fsavail":null}
         ]
      },
      {"name":"sr0", "rm":true, "hotplug":true, "tran":"sata", "mountpoint":null, "mountpoints":[null], "label":null, "fstype":null, "size":1073741312, "fsavail":null},
      {"name":"mmcblk0", "rm":false, "hotplug":false, "tran":null, "mountpoint":null, "mountpoints":[null], "label":null, "fstype":null, "size":63864569856, "fsavail":null,
         "children": [
            {"name":"mmcblk0p1", "rm":false, "hotplug":true, "tran":null, "mountpoint":"/media/kim/3031-6162", "mountpoints":["/media/kim/3031-6162"], "label":null, "fstype":"exfat", "size":63860375552, "fsavail":null}
         ]
      },
      {"name":"nvme0n1", "rm":false, "hotplug":false, "tran":"nvme", "mountpoint":null, "mountpoints":[null], "label":null, "fstype":null, "size":512110190592, "fsavail":null,
         "children": [
            {"name":"nvme0n1p1", "rm":false, "hotplug":false, "tran":"nvme", "mountpoint":"/boot/efi", "mountpoints":["/boot/efi"], "label":null, "fstype":"vfat", "size":536870912, "fsavail":530579456},
            {"name":"nvme0n1p2", "rm":false, "hotplug":false, "tran":"nvme", "mountpoint":"/", "mountpoints":["/"], "label":null, "fstype":"ext4", "size":494384795648, "fsavail":301234567168},
            {"name":"nvme0n1p3", "rm":false, "hotplug":false, "tran":"nvme", "mountpoint":"[SWAP]", "mountpoints":["[SWAP]"], "label":null, "fstype":"swap", "size":17179869184, "fsavail":null}
         ]
      }
   ]
}`;

// util-linux 2.31 (Ubuntu 18.04): every value a string, no MOUNTPOINTS, no FSAVAIL, \x20 in paths.
const LSBLK_231 = String.raw`{
   "blockdevices": [
      {"name": "sda", "rm": "0", "hotplug": "0", "tran": "sata", "mountpoint": null, "label": null, "fstype": null, "size": "256060514304",
         "children": [
            {"name": "sda1", "rm": "0", "hotplug": "0", "tran": null, "mountpoint": "/", "label": null, "fstype": "ext4", "size": "256059465728"}
         ]
      },
      {"name": "sdc", "rm": "1", "hotplug": "1", "tran": "usb", "mountpoint": null, "label": null, "fstype": null, "size": "8053063680",
         "children": [
            {"name": "sdc1", "rm": "1", "hotplug": "1", "tran": null, "mountpoint": "/media/kim/KINGSTON\x20DT", "label": "KINGSTON\x20DT", "fstype": "vfat", "size": "8049917952"}
         ]
      },
      {"name": "sdd", "rm": "1", "hotplug": "1", "tran": "usb", "mountpoint": "/media/kim/\xe7\x9d\xa3\xe6\x9f\xa5", "label": "\xe7\x9d\xa3\xe6\x9f\xa5", "fstype": "exfat", "size": "31037849600"}
   ]
}`;

describe('parseLsblk', () => {
  it('lists the mounted file systems of removable, hot-plugged and USB devices only', () => {
    expect(parseLsblk(LSBLK_238)).toEqual([
      {
        mountPath: '/media/kim/督查U盘',
        label: '督查U盘',
        fileSystem: 'vfat',
        sizeBytes: 15514730496,
        freeBytes: 15401234432,
      },
      // A USB hard disk says RM=0 but hangs on USB; of its two mount points the first is taken.
      {
        mountPath: '/media/kim/My Passport',
        label: 'My Passport',
        fileSystem: 'ntfs',
        sizeBytes: 1000169537536,
        freeBytes: 400000000000,
      },
      // An SD card in a built-in reader: hot-pluggable, no label (named after its mount point).
      {
        mountPath: '/media/kim/3031-6162',
        label: '3031-6162',
        fileSystem: 'exfat',
        sizeBytes: 63860375552,
        freeBytes: null,
      },
    ]);
  });

  it('reads the older format: strings for flags and sizes, escaped bytes, no free space', () => {
    expect(parseLsblk(LSBLK_231)).toEqual([
      {
        mountPath: '/media/kim/KINGSTON DT',
        label: 'KINGSTON DT',
        fileSystem: 'vfat',
        sizeBytes: 8049917952,
        freeBytes: null,
      },
      // A stick formatted without a partition table; its Chinese label came as escaped UTF-8 bytes.
      {
        mountPath: '/media/kim/督查',
        label: '督查',
        fileSystem: 'exfat',
        sizeBytes: 31037849600,
        freeBytes: null,
      },
    ]);
  });

  it('refuses output that is not lsblk JSON', () => {
    expect(() => parseLsblk('{"devices": []}')).toThrow(/blockdevices/);
    expect(() => parseLsblk('lsblk: unknown column')).toThrow();
  });
});

// Get-Volume | ... | ConvertTo-Json with two removable volumes and an empty card-reader slot.
const POWERSHELL_SEVERAL = `[
    {
        "DriveLetter":  "E",
        "FileSystemLabel":  "督查U盘",
        "FileSystem":  "FAT32",
        "Size":  15514730496,
        "SizeRemaining":  15401234432
    },
    {
        "DriveLetter":  "F",
        "FileSystemLabel":  "",
        "FileSystem":  "exFAT",
        "Size":  63860375552,
        "SizeRemaining":  63000000000
    },
    {
        "DriveLetter":  "G",
        "FileSystemLabel":  "",
        "FileSystem":  "",
        "Size":  0,
        "SizeRemaining":  0
    },
    {
        "DriveLetter":  null,
        "FileSystemLabel":  "RECOVERY",
        "FileSystem":  "FAT32",
        "Size":  104857600,
        "SizeRemaining":  50000000
    }
]`;

// One volume: ConvertTo-Json prints the object alone; some versions write the [char] as its code.
const POWERSHELL_ONE = `\uFEFF{
    "DriveLetter":  69,
    "FileSystemLabel":  "KINGSTON",
    "FileSystem":  "NTFS",
    "Size":  31037849600,
    "SizeRemaining":  31000000000
}
`;

describe('parseWindowsVolumes', () => {
  it('reads an array, skipping volumes without a letter or without a medium', () => {
    expect(parseWindowsVolumes(POWERSHELL_SEVERAL)).toEqual([
      {
        mountPath: 'E:\\',
        label: '督查U盘',
        fileSystem: 'FAT32',
        sizeBytes: 15514730496,
        freeBytes: 15401234432,
      },
      { mountPath: 'F:\\', label: 'F:', fileSystem: 'exFAT', sizeBytes: 63860375552, freeBytes: 63000000000 },
    ]);
  });

  it('reads a single object, a letter given as a number, and a byte-order mark', () => {
    expect(parseWindowsVolumes(POWERSHELL_ONE)).toEqual([
      {
        mountPath: 'E:\\',
        label: 'KINGSTON',
        fileSystem: 'NTFS',
        sizeBytes: 31037849600,
        freeBytes: 31000000000,
      },
    ]);
  });

  it('reads no output as no drives', () => {
    expect(parseWindowsVolumes('')).toEqual([]);
    expect(parseWindowsVolumes('\r\n')).toEqual([]);
  });

  it('asks PowerShell for UTF-8, so a Chinese label survives a GBK console', () => {
    expect(POWERSHELL_SCRIPT).toMatch(/^\[Console\]::OutputEncoding = \[System\.Text\.Encoding\]::UTF8;/);
  });
});

const PLIST_HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">`;

// diskutil list -plist external: a FAT stick, an APFS SSD (its physical disk and synthesized
// container), an unformatted whole-disk exFAT card, and a mounted disk image.
const DISKUTIL_LIST = `${PLIST_HEAD}
<dict>
	<key>AllDisks</key>
	<array>
		<string>disk4</string>
		<string>disk4s1</string>
	</array>
	<key>AllDisksAndPartitions</key>
	<array>
		<dict>
			<key>Content</key>
			<string>FDisk_partition_scheme</string>
			<key>DeviceIdentifier</key>
			<string>disk4</string>
			<key>OSInternal</key>
			<false/>
			<key>Partitions</key>
			<array>
				<dict>
					<key>Content</key>
					<string>DOS_FAT_32</string>
					<key>DeviceIdentifier</key>
					<string>disk4s1</string>
					<key>DiskUUID</key>
					<string>2E4F1C5A-0000-0000-0000-000000000000</string>
					<key>MountPoint</key>
					<string>/Volumes/督查U盘</string>
					<key>Size</key>
					<integer>15514730496</integer>
					<key>VolumeName</key>
					<string>督查U盘</string>
				</dict>
			</array>
			<key>Size</key>
			<integer>15518924800</integer>
		</dict>
		<dict>
			<key>Content</key>
			<string>GUID_partition_scheme</string>
			<key>DeviceIdentifier</key>
			<string>disk5</string>
			<key>Partitions</key>
			<array>
				<dict>
					<key>Content</key>
					<string>EFI</string>
					<key>DeviceIdentifier</key>
					<string>disk5s1</string>
					<key>Size</key>
					<integer>209715200</integer>
					<key>VolumeName</key>
					<string>EFI</string>
				</dict>
				<dict>
					<key>Content</key>
					<string>Apple_APFS</string>
					<key>DeviceIdentifier</key>
					<string>disk5s2</string>
					<key>Size</key>
					<integer>499898105856</integer>
				</dict>
			</array>
			<key>Size</key>
			<integer>500107862016</integer>
		</dict>
		<dict>
			<key>APFSPhysicalStores</key>
			<array>
				<dict>
					<key>DeviceIdentifier</key>
					<string>disk5s2</string>
				</dict>
			</array>
			<key>APFSVolumes</key>
			<array>
				<dict>
					<key>CapacityInUse</key>
					<integer>123456789</integer>
					<key>DeviceIdentifier</key>
					<string>disk6s1</string>
					<key>MountPoint</key>
					<string>/Volumes/T7 &amp; Backup</string>
					<key>Size</key>
					<integer>499898105856</integer>
					<key>VolumeName</key>
					<string>T7 &amp; Backup</string>
				</dict>
			</array>
			<key>Content</key>
			<string>EF57347C-0000-11AA-AA11-00306543ECAC</string>
			<key>DeviceIdentifier</key>
			<string>disk6</string>
			<key>OSInternal</key>
			<false/>
			<key>Size</key>
			<integer>499898105856</integer>
		</dict>
		<dict>
			<key>Content</key>
			<string>ExFAT</string>
			<key>DeviceIdentifier</key>
			<string>disk7</string>
			<key>MountPoint</key>
			<string>/Volumes/CARD</string>
			<key>Size</key>
			<integer>63864569856</integer>
			<key>VolumeName</key>
			<string>CARD</string>
		</dict>
		<dict>
			<key>Content</key>
			<string>GUID_partition_scheme</string>
			<key>DeviceIdentifier</key>
			<string>disk8</string>
			<key>Partitions</key>
			<array>
				<dict>
					<key>Content</key>
					<string>Apple_HFS</string>
					<key>DeviceIdentifier</key>
					<string>disk8s1</string>
					<key>MountPoint</key>
					<string>/Volumes/Ducha Installer</string>
					<key>Size</key>
					<integer>209715200</integer>
					<key>VolumeName</key>
					<string>Ducha Installer</string>
				</dict>
			</array>
			<key>Size</key>
			<integer>209735680</integer>
		</dict>
	</array>
	<key>VolumesFromDisks</key>
	<array>
		<string>督查U盘</string>
	</array>
	<key>WholeDisks</key>
	<array>
		<string>disk4</string>
	</array>
</dict>
</plist>
`;

const diskutilInfo = (fields: string): string => `${PLIST_HEAD}
<dict>
	<key>Bootable</key>
	<false/>
	<key>Ejectable</key>
	<true/>
	<key>Internal</key>
	<false/>
	${fields}
	<key>WritableMedia</key>
	<true/>
</dict>
</plist>`;

const INFO: Record<string, string> = {
  disk4s1: diskutilInfo(`<key>BusProtocol</key><string>USB</string>
	<key>FilesystemName</key><string>MS-DOS FAT32</string>
	<key>FilesystemType</key><string>msdos</string>
	<key>FreeSpace</key><integer>15401234432</integer>`),
  disk6s1: diskutilInfo(`<key>APFSContainerFree</key><integer>376441316352</integer>
	<key>BusProtocol</key><string>USB</string>
	<key>FilesystemType</key><string>apfs</string>`),
  disk7: diskutilInfo(`<key>BusProtocol</key><string>Secure Digital</string>
	<key>FilesystemType</key><string>exfat</string>`),
  disk8s1: diskutilInfo(`<key>BusProtocol</key><string>Disk Image</string>
	<key>FilesystemType</key><string>hfs</string>`),
};

describe('the macOS parsers', () => {
  it('reads the property lists diskutil prints', () => {
    expect(
      parsePlist(`${PLIST_HEAD}<dict><key>a</key><array><integer>-3</integer><real>1.5</real><true/>
      <string/><data>AAEC</data><dict/></array><key>b &lt;c&gt;</key><string>&#x7763;&#26597;</string></dict></plist>`),
    ).toEqual({
      a: [-3, 1.5, true, '', 'AAEC', {}],
      'b <c>': '督查',
    });
    expect(() => parsePlist(`${PLIST_HEAD}<dict><key>a</key><weird/></dict></plist>`)).toThrow(/weird/);
    expect(() => parsePlist(`${PLIST_HEAD}<dict><key>a</key><string>x</string>`)).toThrow();
  });

  it('finds mounted partitions, APFS volumes and whole-disk volumes of the external disks', () => {
    expect(parseDiskutilList(DISKUTIL_LIST)).toEqual([
      { id: 'disk4s1', mountPath: '/Volumes/督查U盘', label: '督查U盘', sizeBytes: 15514730496 },
      { id: 'disk6s1', mountPath: '/Volumes/T7 & Backup', label: 'T7 & Backup', sizeBytes: 499898105856 },
      { id: 'disk7', mountPath: '/Volumes/CARD', label: 'CARD', sizeBytes: 63864569856 },
      {
        id: 'disk8s1',
        mountPath: '/Volumes/Ducha Installer',
        label: 'Ducha Installer',
        sizeBytes: 209715200,
      },
    ]);
  });

  it('reads the file system, the free space and whether a volume is a disk image', () => {
    expect(parseDiskutilInfo(INFO.disk4s1 ?? '')).toEqual({
      fileSystem: 'msdos',
      diskImage: false,
      freeBytes: 15401234432,
    });
    expect(parseDiskutilInfo(INFO.disk6s1 ?? '')).toEqual({
      fileSystem: 'apfs',
      diskImage: false,
      freeBytes: 376441316352,
    });
    expect(parseDiskutilInfo(INFO.disk8s1 ?? '')).toMatchObject({ diskImage: true });
  });
});

/** A stand-in for the tools: answers by program and arguments, or fails as the real ones do. */
function fakeRun(
  answer: (file: string, args: readonly string[]) => string | Error,
): RunCommand & { calls: string[] } {
  const calls: string[] = [];
  const run = (file: string, args: readonly string[]): Promise<string> => {
    calls.push(`${file} ${args.join(' ')}`);
    const result = answer(file, args);
    return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
  };
  return Object.assign(run, { calls });
}

const missingTool = (file: string): Error =>
  Object.assign(new Error(`spawn ${file} ENOENT`), { code: 'ENOENT' });

describe('listDrives', () => {
  it('falls back to the older lsblk columns when the newer are unknown, and fills free space from statfs', async () => {
    const run = fakeRun((_, args) =>
      args.join(' ').includes('FSAVAIL') ? new Error('lsblk: unknown column: MOUNTPOINTS') : LSBLK_231,
    );
    const drives = await listDrives('linux', run, (folder) => Promise.resolve(folder.length * 1000));
    expect(run.calls).toEqual([
      'lsblk --json -b -o NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,MOUNTPOINTS,LABEL,FSTYPE,SIZE,FSAVAIL',
      'lsblk --json -b -o NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,LABEL,FSTYPE,SIZE,FSAVAIL',
      'lsblk --json -b -o NAME,RM,HOTPLUG,TRAN,MOUNTPOINT,LABEL,FSTYPE,SIZE',
    ]);
    expect(drives).toEqual({
      drives: [
        {
          mountPath: '/media/kim/KINGSTON DT',
          label: 'KINGSTON DT',
          fileSystem: 'vfat',
          sizeBytes: 8049917952,
          freeBytes: '/media/kim/KINGSTON DT'.length * 1000,
        },
        {
          mountPath: '/media/kim/督查',
          label: '督查',
          fileSystem: 'exfat',
          sizeBytes: 31037849600,
          freeBytes: '/media/kim/督查'.length * 1000,
        },
      ],
      lister: 'lsblk',
      problem: null,
    });
  });

  it('says so, without a lister, when the tool is missing', async () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const answer = await listDrives(platform, fakeRun(missingTool));
      expect(answer.drives).toEqual([]);
      expect(answer.lister).toBeNull();
      expect(answer.problem).toMatch(/not available/);
    }
    expect(await listDrives('freebsd', fakeRun(missingTool))).toEqual({
      drives: [],
      lister: null,
      problem: 'no drive lister for freebsd',
    });
  });

  it('names the tool and its complaint when it runs and fails', async () => {
    const timeout = Object.assign(new Error('powershell.exe did not answer within 15 s'), {
      code: 'ETIMEDOUT',
    });
    expect(
      await listDrives(
        'win32',
        fakeRun(() => timeout),
      ),
    ).toEqual({
      drives: [],
      lister: 'powershell',
      problem: 'powershell failed: powershell.exe did not answer within 15 s',
    });
  });

  it('lists Windows volumes through PowerShell', async () => {
    const run = fakeRun((file) => (file === 'powershell.exe' ? POWERSHELL_ONE : missingTool(file)));
    const answer = await listDrives('win32', run);
    expect(answer).toMatchObject({ lister: 'powershell', problem: null });
    expect(answer.drives.map((d) => d.mountPath)).toEqual(['E:\\']);
  });

  it('lists macOS volumes with their file systems, without disk images', async () => {
    const run = fakeRun((_, args) => {
      if (args[0] === 'list') return DISKUTIL_LIST;
      const info = INFO[args[2] ?? ''];
      return info ?? new Error('Could not find disk');
    });
    const answer = await listDrives('darwin', run, () => Promise.resolve(42));
    expect(answer).toEqual({
      drives: [
        {
          mountPath: '/Volumes/督查U盘',
          label: '督查U盘',
          fileSystem: 'msdos',
          sizeBytes: 15514730496,
          freeBytes: 15401234432,
        },
        {
          mountPath: '/Volumes/T7 & Backup',
          label: 'T7 & Backup',
          fileSystem: 'apfs',
          sizeBytes: 499898105856,
          freeBytes: 376441316352,
        },
        {
          mountPath: '/Volumes/CARD',
          label: 'CARD',
          fileSystem: 'exfat',
          sizeBytes: 63864569856,
          freeBytes: 42,
        },
      ],
      lister: 'diskutil',
      problem: null,
    });
  });
});

describe('on this system', () => {
  it('runs a real program and reports a missing one as ENOENT', async () => {
    expect(await runCommand('node', ['-e', 'process.stdout.write("督查")'])).toBe('督查');
    const missing = await runCommand('ducha-no-such-tool', []).catch((error: unknown) => error);
    expect(errorCode(missing)).toBe('ENOENT');
    const failing = await runCommand('node', ['-e', 'console.error("boom"); process.exit(3)']).catch(
      (error: unknown) => error,
    );
    expect(failing instanceof Error && failing.message).toMatch(/boom/);
  });

  it('stops a program that does not answer in time', async () => {
    const slow = await runCommand('node', ['-e', 'setTimeout(() => {}, 10000)'], 300).catch(
      (error: unknown) => error,
    );
    expect(errorCode(slow)).toBe('ETIMEDOUT');
  });

  it.skipIf(process.platform !== 'linux')('lists drives with the real lsblk', async () => {
    const answer = await listDrives('linux');
    if (answer.lister === null) {
      console.warn(`[drives] lsblk is not installed here: ${answer.problem ?? ''}`);
      return;
    }
    expect(answer).toMatchObject({ lister: 'lsblk', problem: null });
    for (const drive of answer.drives) expect(drive.mountPath.startsWith('/')).toBe(true);
  });
});

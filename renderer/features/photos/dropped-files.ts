// Turns what the inspector drops, pastes or picks into the list of files to add: dropped folders are
// walked (a camera card's DCIM folder, a day's folder of phone photos), each file keeping its path as
// the name the user knows it by.
import type { IntakeFailure, IntakeItem } from './intake-run';
import { technicalDetail } from '../../ui/user-error';

/** The parts of the File and Directory Entries API used here, so that tests can stand in for them. */
export interface EntryLike {
  name: string;
  fullPath: string;
  isFile: boolean;
  isDirectory: boolean;
}
export interface FileEntryLike extends EntryLike {
  file(success: (file: File) => void, failure?: (error: DOMException) => void): void;
}
export interface DirectoryReaderLike {
  readEntries(success: (entries: EntryLike[]) => void, failure?: (error: DOMException) => void): void;
}
export interface DirectoryEntryLike extends EntryLike {
  createReader(): DirectoryReaderLike;
}

export interface CollectedFiles {
  items: IntakeItem[];
  /** Files and folders that could not be read, named by their path. */
  failures: IntakeFailure[];
}

/** Files a folder holds that are not the user's: system bookkeeping, hidden files. */
export const isSystemFile = (name: string): boolean =>
  name.startsWith('.') || /^(thumbs\.db|desktop\.ini|ehthumbs\.db)$/i.test(name);

const byName = (a: EntryLike, b: EntryLike) =>
  a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' });

const labelOf = (entry: EntryLike) => entry.fullPath.replace(/^\/+/, '') || entry.name;

const describe = technicalDetail;

const isDirectory = (entry: EntryLike): entry is DirectoryEntryLike => entry.isDirectory;
const isFile = (entry: EntryLike): entry is FileEntryLike => entry.isFile;

const fileOf = (entry: FileEntryLike) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** All entries of a folder: readEntries answers in chunks (100 at a time in Chromium) until empty. */
async function readAll(directory: DirectoryEntryLike): Promise<EntryLike[]> {
  const reader = directory.createReader();
  const all: EntryLike[] = [];
  for (;;) {
    const chunk = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (chunk.length === 0) return all;
    all.push(...chunk);
  }
}

/**
 * The files under the dropped entries, depth first, each folder in name order (IMG_2 before IMG_10).
 * System files inside folders are skipped; a file or folder that cannot be read becomes a failure
 * and the walk goes on.
 */
export async function collectEntries(entries: readonly EntryLike[]): Promise<CollectedFiles> {
  const collected: CollectedFiles = { items: [], failures: [] };
  const visit = async (entry: EntryLike, inFolder: boolean): Promise<void> => {
    if (inFolder && isSystemFile(entry.name)) return;
    const label = labelOf(entry);
    try {
      if (isDirectory(entry)) {
        const children = (await readAll(entry)).sort(byName);
        for (const child of children) await visit(child, true);
      } else if (isFile(entry)) {
        collected.items.push({ file: await fileOf(entry), label });
      }
    } catch (error) {
      collected.failures.push({ status: 'failed', label, kind: 'unreadable', detail: describe(error) });
    }
  };
  for (const entry of entries) await visit(entry, false);
  return collected;
}

/** Picked files: a folder picker gives each its path inside the folder. */
export function itemsOfFiles(files: Iterable<File>): IntakeItem[] {
  const items: IntakeItem[] = [];
  for (const file of files) {
    const path = file.webkitRelativePath;
    if (path && isSystemFile(file.name)) continue;
    items.push({ file, label: path || file.name });
  }
  return items;
}

/**
 * What was dropped, taken while the drop event lasts (the browser empties the list afterwards):
 * entries to walk where the browser offers them, plain files otherwise.
 */
export function takeDrop(data: DataTransfer): { entries: EntryLike[]; files: File[] } {
  const entries: EntryLike[] = [];
  const files: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null;
    if (entry) {
      entries.push(entry);
      continue;
    }
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  if (entries.length === 0 && files.length === 0) files.push(...Array.from(data.files));
  return { entries, files };
}

/** The files of a drop, folders walked. */
export async function collectDrop(drop: { entries: EntryLike[]; files: File[] }): Promise<CollectedFiles> {
  const walked = await collectEntries(drop.entries);
  return { items: [...walked.items, ...itemsOfFiles(drop.files)], failures: walked.failures };
}

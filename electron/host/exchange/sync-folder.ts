// fsync on a folder, so that the names created in it (a file, a rename) survive a power cut or a
// stick pulled right after, not only the files' bytes.
import { promises as fs } from 'node:fs';
import { errorCode } from './faults';

/**
 * Where a system cannot open or fsync a folder (Windows answers EISDIR or EPERM; some file systems
 * EINVAL or ENOTSUP), there is nothing more to do: those systems flush names with the files.
 */
const CANNOT_SYNC_FOLDERS = new Set(['EISDIR', 'EINVAL', 'EPERM', 'ENOTSUP']);

export async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(folder, 'r');
  } catch (error) {
    if (CANNOT_SYNC_FOLDERS.has(errorCode(error) ?? '')) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!CANNOT_SYNC_FOLDERS.has(errorCode(error) ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

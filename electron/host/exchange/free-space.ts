// The free space of a folder's file system, or null when the file system does not say.
import { promises as fs } from 'node:fs';

/**
 * Bytes an unprivileged writer may still use (bavail, not bfree: root's reserve is not ours to plan
 * on). Some FUSE drivers (fusefat among them) report zero blocks in all; that means "unknown", not
 * "full", so the export goes ahead and a real shortage shows up as ENOSPC while writing.
 * Errors are thrown: at the start of an export they say the target is missing or gone.
 */
export async function freeSpaceOf(folder: string): Promise<number | null> {
  const stats = await fs.statfs(folder);
  if (stats.blocks === 0) return null;
  return stats.bavail * stats.bsize;
}

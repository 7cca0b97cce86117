// A running server leaves its process id in its data folder, so `admin restore` can refuse to swap the
// database under it. A killed server leaves the file behind; a process id that no longer runs is stale.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'server.pid';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process id of a server running on this folder, or null. */
export function runningServer(home: string): number | null {
  try {
    const pid = Number(readFileSync(join(home, LOCK_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Marks the folder as served by this process; returns the release. */
export function markServing(home: string): () => void {
  const other = runningServer(home);
  if (other !== null) throw new Error(`another server (process ${String(other)}) runs on ${home}`);
  const file = join(home, LOCK_FILE);
  writeFileSync(file, `${String(process.pid)}\n`);
  return () => rmSync(file, { force: true });
}

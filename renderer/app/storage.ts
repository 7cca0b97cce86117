// Asks the browser to keep Ducha's data even when the disk runs low, and reads how much is used.
import type { StorageStatus } from '../stores/session';

export async function requestPersistentStorage(): Promise<StorageStatus> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage) return { persisted: null, usage: null, quota: null };
  let persisted: boolean | null;
  try {
    persisted = (await storage.persisted()) || (await storage.persist());
  } catch {
    persisted = null;
  }
  return { persisted, ...(await readUsage()) };
}

export async function readUsage(): Promise<{ usage: number | null; quota: number | null }> {
  try {
    const estimate = await navigator.storage.estimate();
    return { usage: estimate.usage ?? null, quota: estimate.quota ?? null };
  } catch {
    return { usage: null, quota: null };
  }
}

// What interrupted exports leave: an export is written under a hidden temporary folder and renamed
// only once complete, so a stick pulled or a laptop shut mid-way leaves a `.ducha-partial-…` folder
// nobody sees and that takes room on the stick for ever. When the folder (or drive) is chosen again
// they are listed, and removed if the person says so — never an export still being written.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ExchangeFailure, ResponseOf } from '../../../shared/contract';
import { PARTIAL_PREFIX } from './export-writer';
import { failed, faultOfError } from './faults';

/** The two channels as this module takes them: by the folder's path, found by the grant gate for the page's grant. */
export interface LeftoverHandlers {
  readonly exchangeLeftovers: (request: { folder: string }) => Promise<ResponseOf<'exchangeLeftovers'>>;
  readonly exchangeRemoveLeftovers: (request: {
    folder: string;
  }) => Promise<ResponseOf<'exchangeRemoveLeftovers'>>;
}

/** Bytes under a folder, links not followed; stops counting past `limit` entries (a huge leftover). */
async function bytesUnder(folder: string, limit = 100_000): Promise<number> {
  let bytes = 0;
  let entries = 0;
  const pending = [folder];
  while (pending.length > 0 && entries < limit) {
    const current = pending.pop() as string;
    for (const entry of await fs.readdir(current, { withFileTypes: true }).catch(() => [])) {
      entries += 1;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) pending.push(full);
      else if (entry.isFile()) bytes += (await fs.lstat(full).catch(() => null))?.size ?? 0;
    }
  }
  return bytes;
}

export function createLeftoverHandlers(inProgress: ReadonlySet<string>): LeftoverHandlers {
  /** The leftover folders directly in `folder`: real folders (not links) named as exports in progress are. */
  async function leftovers(folder: string): Promise<{ name: string; full: string }[]> {
    const real = await fs.realpath(path.resolve(folder));
    const busy = new Set(await Promise.all([...inProgress].map((dir) => fs.realpath(dir).catch(() => dir))));
    const found: { name: string; full: string }[] = [];
    for (const entry of await fs.readdir(real, { withFileTypes: true })) {
      if (!entry.name.startsWith(PARTIAL_PREFIX) || !entry.isDirectory()) continue;
      const full = path.join(real, entry.name);
      if (!busy.has(full)) found.push({ name: entry.name, full });
    }
    return found;
  }

  const absolute = (folder: string): ExchangeFailure | null =>
    path.isAbsolute(folder) ? null : failed('unsafePath', `not an absolute path: ${folder.slice(0, 80)}`);

  return {
    exchangeLeftovers: async ({ folder }): Promise<ResponseOf<'exchangeLeftovers'>> => {
      const notAbsolute = absolute(folder);
      if (notAbsolute) return notAbsolute;
      try {
        const found = await leftovers(folder);
        return {
          status: 'listed',
          leftovers: await Promise.all(
            found.map(async ({ name, full }) => ({ name, bytes: await bytesUnder(full) })),
          ),
        };
      } catch (error) {
        return faultOfError(error, 'notFound');
      }
    },

    exchangeRemoveLeftovers: async ({ folder }): Promise<ResponseOf<'exchangeRemoveLeftovers'>> => {
      const notAbsolute = absolute(folder);
      if (notAbsolute) return notAbsolute;
      try {
        let removed = 0;
        let bytes = 0;
        for (const { full } of await leftovers(folder)) {
          const size = await bytesUnder(full);
          // rm does not follow links inside: a link in a leftover goes, what it points to stays.
          await fs.rm(full, { recursive: true, force: true });
          removed += 1;
          bytes += size;
        }
        return { status: 'removed', removed, bytes };
      } catch (error) {
        return faultOfError(error, 'notFound');
      }
    },
  };
}

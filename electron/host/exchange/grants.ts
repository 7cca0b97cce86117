// Grants: the host's record of the folders the person chose this run. The page holds only their
// random ids, so a page that was talked into it (or a script with the browser host's cookie) can name
// no folder the person did not pick: /etc, ~/.ssh and another run's choice are all "unknown grant".
// A grant holds the folder's real path, taken when it was granted; a folder since replaced by a link
// or moved away is refused rather than followed.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { ExchangeFailure } from '../../../shared/contract';
import { failed } from './faults';

/**
 * Grants kept at once. A run grants a handful (each drive seen, each folder chosen, each export
 * folder found on a stick); past this the oldest go, so a page asking in a loop cannot grow the host.
 */
export const MAX_GRANTS = 4096;

export interface GrantTable {
  /** The grant for a folder given by its real path: the same id for the same folder all run long. */
  grant(realFolder: string): string;
  /** The folder of a grant, checked to be where and what it was; a failure to answer otherwise. */
  folderOf(grant: string): Promise<string | ExchangeFailure>;
}

const unknownGrant = (): ExchangeFailure =>
  failed('unknownGrant', 'this folder was not chosen in this run of the app: choose it again');

export function createGrantTable(limit = MAX_GRANTS): GrantTable {
  const folders = new Map<string, string>(); // grant → real folder
  const grants = new Map<string, string>(); // real folder → grant

  return {
    grant(realFolder) {
      const known = grants.get(realFolder);
      if (known !== undefined) return known;
      const grant = randomBytes(16).toString('hex');
      folders.set(grant, realFolder);
      grants.set(realFolder, grant);
      if (folders.size > limit) {
        const [oldest, folder] = folders.entries().next().value as [string, string];
        folders.delete(oldest);
        grants.delete(folder);
      }
      return grant;
    },

    async folderOf(grant) {
      const folder = folders.get(grant);
      if (folder === undefined) return unknownGrant();
      // A folder unplugged answers notFound in the step's own words; one replaced by a link, or by
      // anything that now resolves elsewhere, is no longer the folder that was chosen.
      const real = await fs.realpath(folder);
      if (real !== folder) return failed('unsafePath', `${folder} is no longer the folder that was chosen`);
      return folder;
    },
  };
}

/** A folder's real path (links resolved), so the same folder chosen two ways is one grant. */
export const realFolder = (folder: string): Promise<string> => fs.realpath(folder);

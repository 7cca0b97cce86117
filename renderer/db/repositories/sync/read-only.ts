// A leader reads every team's records and writes none; the server refuses a leader's operations
// anyway, so a write made here would wait in the outbox for ever. The page offers a leader no write;
// this guard is the floor under it: each local write of records (writeRecords) and each USB import
// asks, inside its own transaction, who is signed in, and refuses a read-only person's write before
// anything of it is stored. What sync pulls in (applyOperations) is never refused.
import type { Role } from '../../../../shared/sync/protocol';
import type { DuchaDatabase } from '../../database';
import { readSignIn, type SyncSignIn } from './sync-state';

/** Roles that read records and write none (the server's policy says the same). */
const READ_ONLY_ROLES: ReadonlySet<Role> = new Set<Role>(['leader']);

/** Whether this sign-in is of a person who may only read; false when no one is signed in. */
export const isReadOnlySignIn = (signIn: Pick<SyncSignIn, 'person'> | null | undefined): boolean =>
  signIn !== null && signIn !== undefined && READ_ONLY_ROLES.has(signIn.person.role);

/**
 * A write refused because the person signed in on this laptop only reads (a leader). Not named
 * "ReadOnlyError": Dexie has an error of that name and would take this one for its own.
 */
export class ReadOnlyPersonError extends Error {
  override name = 'ReadOnlyPersonError';
  constructor(readonly personName: string) {
    super(`${personName} is signed in as a leader, who reads and writes nothing`);
  }
}

/**
 * Throws ReadOnlyPersonError when a read-only person is signed in. Call it first inside the write's
 * transaction (which must include `meta`), so that the refusal and the write see the same sign-in.
 */
export async function refuseReadOnlyWrite(db: DuchaDatabase): Promise<void> {
  const signIn = await readSignIn(db);
  if (signIn && isReadOnlySignIn(signIn)) throw new ReadOnlyPersonError(signIn.person.name);
}

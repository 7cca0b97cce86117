// What a sync round needs of the laptop's own data, whatever holds it (Dexie in the app, fake-indexeddb
// in tests): the outbox in order, a way to settle what the server acknowledged, the cursor, and the one
// merge for what is pulled. Each method is one local transaction: a round broken off anywhere leaves
// the laptop consistent, and the next round goes on from what was saved.
import type { Knowledge } from '../../bundle/manifest';
import type { Operation } from '../operation';
import type { Cursor, Fate, SnapshotKey } from '../protocol';
import type { HeldOperation, PushAuthor } from './incoming';

export interface WaitingOperation {
  /** The outbox's key: settled by it, so an operation queued meanwhile is not touched. */
  readonly key: number;
  readonly operation: Operation;
}

/**
 * A first sync under way: the cursor of its first page (where pulling goes on once it is complete)
 * and the last row received. Saved with each page, so a laptop stopped mid-snapshot resumes there.
 */
export interface SnapshotProgress {
  readonly cursor: Cursor;
  readonly after: SnapshotKey;
}

/** Where a received page leaves the laptop: a cursor in the log, or a snapshot not yet complete. */
export type ReceivedAt = Cursor | SnapshotProgress;

export const isSnapshotProgress = (at: ReceivedAt): at is SnapshotProgress => 'after' in at;

export interface SyncReplica {
  /** The oldest operations waiting for the server, at most `limit`. */
  waiting(limit: number): Promise<WaitingOperation[]>;
  /**
   * Settles a push: stored and known operations leave the outbox; refused ones leave it into the
   * list of refusals shown to the person (never pushed again, never lost).
   */
  acknowledge(settled: readonly { waiting: WaitingOperation; fate: Fate }[]): Promise<void>;
  /** Where this laptop stands in its team's log; null before its first sync has completed. */
  cursor(): Promise<Cursor | null>;
  /** A first sync stopped part-way: where its snapshot goes on; null otherwise. */
  snapshotProgress(): Promise<SnapshotProgress | null>;
  /**
   * Merges pulled operations through the one merge, keeps those of tables this app does not know yet
   * (`held`, merged after an update), and saves where they leave the laptop (a cursor, which ends any
   * snapshot progress, or the snapshot's progress) with them — one transaction.
   */
  receive(
    operations: readonly Operation[],
    at: ReceivedAt,
    held: readonly HeldOperation[],
    authors?: readonly (PushAuthor | null)[],
  ): Promise<number>;
  /** What this laptop holds, per node: sent with a push, so others can tell what it knew. */
  knowledge(): Promise<Knowledge>;
  /** Saves the cursor alone (after a restored server's restart from 0). */
  saveCursor(cursor: Cursor): Promise<void>;
  /** Queues again everything this laptop holds beyond `knowledge` (a server restored from a backup). */
  requeueBeyond(knowledge: Knowledge): Promise<number>;
}

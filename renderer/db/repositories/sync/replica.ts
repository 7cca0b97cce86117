// The sync round's view of this laptop's database (shared/sync/client/replica.ts), over Dexie. Each
// method is one transaction; pulled operations go through the same merge as local writes and USB
// imports (record-writer's applyOperations), and the cursor is saved with the operations it covers.
import { knowledgeOfOperations, mergeKnowledge } from '../../../../shared/bundle/knowledge';
import type { Knowledge } from '../../../../shared/bundle/manifest';
import { type HeldOperation, nowKnown, type PushAuthor } from '../../../../shared/sync/client/incoming';
import {
  isSnapshotProgress,
  type ReceivedAt,
  type SnapshotProgress,
  type SyncReplica,
  type WaitingOperation,
} from '../../../../shared/sync/client/replica';
import { rowKey } from '../../../../shared/sync/merge';
import type { Operation } from '../../../../shared/sync/operation';
import type { Cursor, Fate } from '../../../../shared/sync/protocol';
import { SYNCED_TABLES } from '../../../../shared/sync/tables';
import type { DuchaDatabase, OutboxRow } from '../../database';
import { ensureDevice } from '../../device-clock';
import { applyOperations, readRows } from '../../record-writer';
import { issuesOfHistoryOperations, noteAllContradictions, noteContradictions } from '../contradictions';
import { localKnowledge } from '../exchange/local-knowledge';
import { conflictsOfPage } from './conflicts';
import { exportSnapshot } from '../exchange/export-snapshot';
import { SYNC_CURSOR_KEY, SYNC_SNAPSHOT_KEY, syncState } from './sync-state';

/** What this laptop has received from the server, per node: part of what it is known to hold. */
export const SYNC_KNOWLEDGE_KEY = 'syncKnowledge';

export const syncedKnowledge = async (db: DuchaDatabase): Promise<Knowledge> =>
  ((await db.meta.get(SYNC_KNOWLEDGE_KEY))?.value as Knowledge | undefined) ?? {};

function waitingOf(row: OutboxRow): WaitingOperation {
  const { seq, ...operation } = row;
  if (seq === undefined) throw new Error('an outbox row without its key');
  return { key: seq, operation };
}

/** Which team's log a replica follows: a team's laptop its own (one cursor); an office laptop each. */
export interface ReplicaLog {
  /** The office's: the team, keying its cursor and noting where each row came from. */
  readonly teamId: string | null;
}

const cursorKeyOf = (log: ReplicaLog): string =>
  log.teamId === null ? SYNC_CURSOR_KEY : `${SYNC_CURSOR_KEY}:${log.teamId}`;
const snapshotKeyOf = (log: ReplicaLog): string =>
  log.teamId === null ? SYNC_SNAPSHOT_KEY : `${SYNC_SNAPSHOT_KEY}:${log.teamId}`;

export function dexieReplica(
  db: DuchaDatabase,
  log: ReplicaLog = { teamId: null },
  now: () => Date = () => new Date(),
): SyncReplica {
  const cursorKey = cursorKeyOf(log);
  const snapshotKey = snapshotKeyOf(log);
  return {
    async waiting(limit) {
      return (await db.outbox.orderBy('seq').limit(limit).toArray()).map(waitingOf);
    },

    async acknowledge(settled: readonly { waiting: WaitingOperation; fate: Fate }[]) {
      const refusedAt = now().toISOString();
      await db.transaction('rw', [db.outbox, db.syncRefusals], async () => {
        await db.outbox.bulkDelete(settled.map((s) => s.waiting.key));
        const refusals = settled.flatMap(({ waiting, fate }) =>
          fate.fate === 'refused'
            ? [{ operation: waiting.operation, reason: fate.reason, detail: fate.detail, refusedAt }]
            : [],
        );
        if (refusals.length > 0) await db.syncRefusals.bulkAdd(refusals);
      });
    },

    cursor: async () => ((await db.meta.get(cursorKey))?.value as Cursor | undefined) ?? null,

    snapshotProgress: async () =>
      ((await db.meta.get(snapshotKey))?.value as SnapshotProgress | undefined) ?? null,

    async receive(
      operations: readonly Operation[],
      at: ReceivedAt,
      held: readonly HeldOperation[],
      authors: readonly (PushAuthor | null)[] = [],
    ) {
      const tables = [
        ...SYNCED_TABLES.map((t) => db.table(t)),
        db.meta,
        db.syncHeldBack,
        db.syncConflicts,
        db.devices,
        db.syncRowTeams,
      ];
      return db.transaction('rw', tables, async () => {
        if (authors.some((a) => a !== null)) {
          const state = await syncState(db);
          const local = {
            node: await ensureDevice(db),
            person: state.signIn?.person.name ?? null,
            held: await localKnowledge(db),
          };
          const found = conflictsOfPage(
            await readRows(db, operations),
            operations,
            authors,
            local,
            now().toISOString(),
          );
          if (found.length > 0) await db.syncConflicts.bulkAdd(found);
        }
        const changed = await applyOperations(db, operations);
        // Another laptop's steps may contradict this one's (closed here, extended there): note them
        // for the office, as a USB import does. A snapshot of several pages is checked once, whole,
        // when its last page is in (a page's steps belong to issues all over the table).
        const midSnapshot = isSnapshotProgress(at);
        const snapshotEnds = !midSnapshot && (await db.meta.get(snapshotKey)) !== undefined;
        if (snapshotEnds) await noteAllContradictions(db);
        else if (!midSnapshot) await noteContradictions(db, issuesOfHistoryOperations(operations));
        if (held.length > 0) await db.syncHeldBack.bulkAdd(held.map((operation) => ({ operation })));
        const holds = mergeKnowledge(await syncedKnowledge(db), knowledgeOfOperations(operations));
        await db.meta.put({ key: SYNC_KNOWLEDGE_KEY, value: holds });
        if (isSnapshotProgress(at)) await db.meta.put({ key: snapshotKey, value: at });
        else {
          await db.meta.put({ key: cursorKey, value: at });
          await db.meta.delete(snapshotKey);
        }
        if (log.teamId !== null) {
          const teamId = log.teamId;
          const keys = [...new Set(operations.map((op) => rowKey(op.table, op.rowId)))];
          await db.syncRowTeams.bulkPut(keys.map((key) => ({ key, teamId })));
        }
        return changed;
      });
    },

    saveCursor: async (cursor) => {
      await db.meta.put({ key: cursorKey, value: cursor });
    },

    knowledge: () => localKnowledge(db),

    async requeueBeyond(knowledge: Knowledge) {
      const { operations } = await exportSnapshot(db, knowledge);
      await db.outbox.bulkAdd(operations);
      return operations.length;
    },
  };
}

/**
 * After an update: merges the held-back operations whose tables this app now knows, and lets them go.
 * Returns how many were merged.
 */
export async function mergeHeldBack(db: DuchaDatabase): Promise<number> {
  const rows = await db.syncHeldBack.toArray();
  if (rows.length === 0) return 0;
  const known = nowKnown(rows.map((r) => r.operation));
  if (known.length === 0) return 0;
  const knownIds = rows.filter((r) => nowKnown([r.operation]).length > 0).map((r) => r.id as number);
  await db.transaction(
    'rw',
    [...SYNCED_TABLES.map((t) => db.table(t)), db.meta, db.syncHeldBack],
    async () => {
      await applyOperations(db, known);
      await db.syncHeldBack.bulkDelete(knownIds);
    },
  );
  return known.length;
}

/** The team whose log a row came from, on an office laptop; null for a row no team's log has sent. */
export async function teamOfRow(db: DuchaDatabase, table: string, rowId: string): Promise<string | null> {
  return (await db.syncRowTeams.get(rowKey(table, rowId)))?.teamId ?? null;
}

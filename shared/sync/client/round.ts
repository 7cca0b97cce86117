// One sync round: push the outbox, then pull from the saved cursor until the team's log is exhausted.
// Every step is saved as it completes (an operation leaves the outbox only on the server's fate; the
// cursor moves with the operations it covers), so a round broken off at any point is simply run again.
import { z } from 'zod';
import {
  compareAppVersions,
  CursorSchema,
  HealthReplySchema,
  KnowledgeReplySchema,
  PULL_MAX_OPERATIONS,
  PushReplySchema,
  SNAPSHOT_MAX_ROWS,
  SnapshotKeySchema,
  type Cursor,
  type SnapshotKey,
} from '../protocol';
import { expectReply, SyncFailure, type SyncRequest, type SyncTransport } from './answers';
import { PushAuthorSchema, sortIncoming } from './incoming';
import type { Operation } from '../operation';
import { encodeSnapshotAfter } from '../snapshot-key';
import type { ReceivedAt, SyncReplica, WaitingOperation } from './replica';

// The pull page and the snapshot as the client reads them: each operation checked by sortIncoming,
// so that one of a table a newer app added is held back instead of failing the whole page.
const PullPageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('operations'),
    operations: z.array(
      z.object({
        seq: z.number().int().positive(),
        operation: z.unknown(),
        push: z.number().int().positive().optional(),
      }),
    ),
    cursor: CursorSchema,
    more: z.boolean(),
    /** Who pushed the page's operations (by push id); a server that sends none leaves conflicts unseen. */
    pushes: z.record(z.string(), PushAuthorSchema).optional(),
  }),
  z.object({ kind: z.literal('epochChanged'), epoch: z.string().min(1).max(64) }),
]);
const SnapshotPageSchema = z.object({
  cursor: CursorSchema,
  operations: z.array(z.unknown()),
  /** Absent from a server that sends its snapshot whole. */
  next: SnapshotKeySchema.nullable().optional(),
});

/** Operations per push: well below the protocol's 1,000 and its 1 MiB, whatever the values. */
export const PUSH_BATCH = 500;

export type RoundPhase = 'push' | 'snapshot' | 'pull' | 'restore';

export interface RoundProgress {
  readonly phase: RoundPhase;
  /** Operations sent or received so far in this phase. */
  readonly done: number;
}

/** One team's log as this laptop follows it: its cursor and merge (a replica keyed to the team). */
export interface TeamLog {
  readonly teamId: string;
  readonly replica: SyncReplica;
}

export interface RoundContext {
  readonly transport: SyncTransport;
  /** This app's version, checked against the oldest the server syncs with before anything moves. */
  readonly appVersion?: string;
  /** The outbox (and, for a team's laptop, its one log). */
  readonly replica: SyncReplica;
  /** A team's laptop: its team. An office laptop: the team new records go to when no log names one. */
  readonly teamId: string;
  /** The logs to pull (an office laptop follows every team's); a team's laptop: its own only. */
  readonly logs?: readonly TeamLog[];
  /** The team whose log an operation goes into (the one its row came from); default teamId. */
  readonly pushTeamOf?: (operation: Operation) => Promise<string | null>;
  /** A leader reads everything and writes nothing: nothing is pushed. */
  readonly readOnly?: boolean;
  /** The current session token (opened when missing). */
  readonly session: () => Promise<string>;
  /** A new session after the server forgot the old one (it restarted, or 15 minutes passed). */
  readonly renewSession: () => Promise<string>;
  readonly onProgress?: (progress: RoundProgress) => void;
}

export interface RoundResult {
  readonly pushed: number;
  readonly refused: number;
  readonly received: number;
  /** The server had been restored from a backup: this laptop sent back what it lacked and pulled anew. */
  readonly serverRestored: boolean;
  readonly cursor: Cursor;
}

/** A request with the session; once renewed and retried when the server no longer knows the session. */
async function authed<S extends z.ZodType>(
  ctx: RoundContext,
  request: Omit<SyncRequest, 'session'>,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  const first = await ctx.transport({ ...request, session: await ctx.session() });
  if (first.kind === 'reply' && first.status === 401) {
    const again = await ctx.transport({ ...request, session: await ctx.renewSession() });
    return expectReply(again, schema, what);
  }
  return expectReply(first, schema, what);
}

async function pushOutbox(ctx: RoundContext): Promise<{ pushed: number; refused: number }> {
  let pushed = 0;
  let refused = 0;
  if (ctx.readOnly) return { pushed, refused };
  // What this laptop held before this round's pull: what it knew when it made what it pushes now.
  const knowledge = await ctx.replica.knowledge();
  for (;;) {
    const batch = await ctx.replica.waiting(PUSH_BATCH);
    if (batch.length === 0) return { pushed, refused };
    for (const [teamId, group] of await byTeam(ctx, batch)) {
      const reply = await authed(
        ctx,
        {
          method: 'POST',
          path: `/teams/${encodeURIComponent(teamId)}/push`,
          body: { operations: group.map((w) => w.operation), knowledge },
        },
        PushReplySchema,
        'push',
      );
      if (reply.fates.length !== group.length) {
        throw new SyncFailure(
          'badReply',
          `push: ${String(reply.fates.length)} fates for ${String(group.length)} operations`,
        );
      }
      await ctx.replica.acknowledge(
        group.map((waiting, i) => ({ waiting, fate: reply.fates[i] ?? { fate: 'known' } })),
      );
      pushed += group.length;
      refused += reply.fates.filter((f) => f.fate === 'refused').length;
      ctx.onProgress?.({ phase: 'push', done: pushed });
    }
  }
}

/** A batch split by the team each operation goes to, in outbox order within each. */
async function byTeam(
  ctx: RoundContext,
  batch: readonly WaitingOperation[],
): Promise<Map<string, WaitingOperation[]>> {
  const groups = new Map<string, WaitingOperation[]>();
  for (const waiting of batch) {
    const teamId = (await ctx.pushTeamOf?.(waiting.operation)) ?? ctx.teamId;
    const group = groups.get(teamId);
    if (group) group.push(waiting);
    else groups.set(teamId, [waiting]);
  }
  return groups;
}

const teamPath = (log: TeamLog, rest: string): string => `/teams/${encodeURIComponent(log.teamId)}/${rest}`;

/**
 * A laptop's first sync with a team: the merged rows page by page, each saved with the snapshot's
 * progress (a laptop stopped part-way goes on from its last page), then the log from the cursor of the
 * first page. A server restored between two pages (another epoch) makes the snapshot start over.
 */
async function takeSnapshot(ctx: RoundContext, log: TeamLog): Promise<{ received: number; cursor: Cursor }> {
  let progress = await log.replica.snapshotProgress();
  let received = 0;
  let restarts = 0;
  const fetchPage = (after: SnapshotKey | null) => {
    const from = after ? `&next=${encodeSnapshotAfter(after)}` : '';
    // Checked as soon as it arrives: while the page before it is still being written.
    const page = authed(
      ctx,
      { method: 'GET', path: teamPath(log, `snapshot?limit=${String(SNAPSHOT_MAX_ROWS)}${from}`) },
      SnapshotPageSchema,
      'snapshot',
    ).then((reply) => ({ ...reply, sorted: sortIncoming(reply.operations, 'snapshot') }));
    // Awaited in its turn; a round that fails first must not leave its failure unhandled.
    page.catch(() => undefined);
    return page;
  };
  ctx.onProgress?.({ phase: 'snapshot', done: 0 });
  let pending = fetchPage(progress?.after ?? null);
  for (;;) {
    const page = await pending;
    if (progress && page.cursor.epoch !== progress.cursor.epoch) {
      if ((restarts += 1) > 1)
        throw new SyncFailure('badReply', 'snapshot: the epoch changed twice in one round');
      progress = null;
      pending = fetchPage(null);
      continue;
    }
    const cursor = progress?.cursor ?? page.cursor;
    const next = page.next ?? null;
    // Each page must go on past the last: a server that repeats or goes back would never end.
    if (next && progress && compareKeys(next, progress.after) <= 0) {
      throw new SyncFailure(
        'badReply',
        `snapshot: the page ends at ${next.table}/${next.rowId}, not past its start`,
      );
    }
    if (next && page.operations.length === 0)
      throw new SyncFailure('badReply', 'snapshot: "next" with an empty page');
    const { sorted } = page;
    // The next page travels (server, host: other processes, another core) while this one is merged.
    if (next) pending = fetchPage(next);
    const at: ReceivedAt = next ? { cursor, after: next } : cursor;
    await log.replica.receive(sorted.known, at, sorted.held);
    received += page.operations.length;
    ctx.onProgress?.({ phase: 'snapshot', done: received });
    if (!next) return { received, cursor };
    progress = { cursor, after: next };
  }
}

/** Snapshot keys in the server's order: by table, then row id, each by code point (SQL's binary order). */
function compareKeys(a: SnapshotKey, b: SnapshotKey): number {
  return compareCodePoints(a.table, b.table) || compareCodePoints(a.rowId, b.rowId);
}

function compareCodePoints(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const difference = (left[i]?.codePointAt(0) ?? 0) - (right[i]?.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * The server was restored from a backup (its epoch changed): it may lack what this laptop sent since
 * the backup. Everything beyond the server's knowledge goes back in the outbox and up; then the log is
 * read again from its start (the merge takes what it already has as no change).
 */
async function afterRestore(ctx: RoundContext, log: TeamLog, epoch: string): Promise<Cursor> {
  ctx.onProgress?.({ phase: 'restore', done: 0 });
  const { knowledge } = await authed(
    ctx,
    { method: 'GET', path: teamPath(log, 'knowledge') },
    KnowledgeReplySchema,
    'knowledge',
  );
  await ctx.replica.requeueBeyond(knowledge);
  await pushOutbox(ctx);
  const cursor = { epoch, seq: 0 };
  await log.replica.saveCursor(cursor);
  return cursor;
}

async function pullLog(
  ctx: RoundContext,
  log: TeamLog,
  start: Cursor,
): Promise<{ received: number; cursor: Cursor; serverRestored: boolean }> {
  let cursor = start;
  let received = 0;
  let serverRestored = false;
  for (;;) {
    const query = `epoch=${encodeURIComponent(cursor.epoch)}&after=${String(cursor.seq)}&limit=${String(PULL_MAX_OPERATIONS)}&wait=0`;
    const reply = await authed(
      ctx,
      { method: 'GET', path: teamPath(log, `pull?${query}`) },
      PullPageSchema,
      'pull',
    );
    if (reply.kind === 'epochChanged') {
      if (serverRestored) throw new SyncFailure('badReply', 'pull: the epoch changed twice in one round');
      serverRestored = true;
      cursor = await afterRestore(ctx, log, reply.epoch);
      continue;
    }
    // A page must go on exactly where the cursor stands, without a gap, and end where it says.
    let expected = cursor.seq + 1;
    for (const { seq } of reply.operations) {
      if (seq !== expected) {
        throw new SyncFailure(
          'badReply',
          `pull: expected operation ${String(expected)}, the server sent ${String(seq)}`,
        );
      }
      expected += 1;
    }
    if (reply.cursor.epoch !== cursor.epoch || reply.cursor.seq !== expected - 1) {
      throw new SyncFailure(
        'badReply',
        `pull: the page ends at ${String(expected - 1)} but its cursor says ${String(reply.cursor.seq)}`,
      );
    }
    if (reply.operations.length > 0) {
      const pushes = reply.pushes ?? {};
      const sorted = sortIncoming(
        reply.operations.map((o) => o.operation),
        'pull',
        (i) => {
          const push = reply.operations[i]?.push;
          return push === undefined ? null : (pushes[String(push)] ?? null);
        },
      );
      await log.replica.receive(sorted.known, reply.cursor, sorted.held, sorted.authors);
      received += reply.operations.length;
      ctx.onProgress?.({ phase: 'pull', done: received });
    }
    cursor = reply.cursor;
    if (!reply.more) return { received, cursor, serverRestored };
    if (reply.operations.length === 0) throw new SyncFailure('badReply', 'pull: "more" with an empty page');
  }
}

/** Refuses to sync (appTooOld) when the server asks for a newer app than this one. */
async function checkAppVersion(ctx: RoundContext): Promise<void> {
  if (!ctx.appVersion) return;
  const health = expectReply(
    await ctx.transport({ method: 'GET', path: '/health' }),
    HealthReplySchema,
    'health',
  );
  if (health.minAppVersion && compareAppVersions(ctx.appVersion, health.minAppVersion) < 0) {
    throw new SyncFailure(
      'appTooOld',
      `the server syncs with Ducha ${health.minAppVersion} or newer; this laptop runs ${ctx.appVersion}`,
    );
  }
}

/** Push, then pull to the end of the team's log. Throws SyncFailure; what was saved stays saved. */
export async function runSyncRound(ctx: RoundContext): Promise<RoundResult> {
  await checkAppVersion(ctx);
  const { pushed, refused } = await pushOutbox(ctx);
  let received = 0;
  let serverRestored = false;
  let first: Cursor | null = null;
  for (const log of ctx.logs ?? [{ teamId: ctx.teamId, replica: ctx.replica }]) {
    let cursor = await log.replica.cursor();
    if (cursor === null) {
      const snapshot = await takeSnapshot(ctx, log);
      received += snapshot.received;
      cursor = snapshot.cursor;
    }
    const pulled = await pullLog(ctx, log, cursor);
    received += pulled.received;
    serverRestored ||= pulled.serverRestored;
    first ??= pulled.cursor;
  }
  if (first === null) throw new SyncFailure('badReply', 'no team to sync with');
  return { pushed, refused, received, serverRestored, cursor: first };
}

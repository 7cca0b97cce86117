// What a laptop reads of a team: pull pages after its cursor (long-polling when nothing is new), the
// team's knowledge (to re-send what a restored server lacks), and a gzip snapshot for a new laptop.
// A page says which push stored each operation, and who pushed it knowing what (conflicts show it).
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PULL_MAX_OPERATIONS,
  SNAPSHOT_MAX_ROWS,
  type PullReply,
  type PushAuthorship,
  type SnapshotReply,
} from '../../../shared/sync/protocol';
import { decodeSnapshotAfter } from '../../../shared/sync/snapshot-key';
import type { PushRecord, SequencedOperation } from '../store/store';
import type { ServerContext } from './context';
import { parseWith } from './errors';
import { addRoute, param } from './route';
import { requireTeam } from './team-routes';

const gzipAsync = promisify(gzip);

/** A long poll holds a connection at most this long: below every proxy's idle timeout we know of. */
export const PULL_MAX_WAIT_SECONDS = 30;

const PullQuerySchema = z.object({
  /** Empty on a laptop's first pull: it learns the epoch from the epochChanged reply. */
  epoch: z.string().max(64).default(''),
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_OPERATIONS).default(PULL_MAX_OPERATIONS),
  wait: z.coerce.number().min(0).max(PULL_MAX_WAIT_SECONDS).default(0),
});

/** A snapshot page: the first without `next`, the others with the previous page's `next`. */
const SnapshotQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(SNAPSHOT_MAX_ROWS).default(SNAPSHOT_MAX_ROWS),
  next: z
    .string()
    .max(400)
    .transform((text, ctx) => {
      const key = decodeSnapshotAfter(text);
      if (key === null) ctx.addIssue({ code: 'custom', message: "not a snapshot page's key" });
      return key ?? z.NEVER;
    })
    .optional(),
});

/**
 * Who made each push a page names, and what they knew: a second read for the page's distinct pushes
 * (a page of 1,000 operations comes from a handful of pushes), not a join repeated on every operation.
 */
async function pushesOfPage(
  ctx: ServerContext,
  teamId: string,
  page: readonly SequencedOperation[],
): Promise<Record<string, PushAuthorship>> {
  const ids = [...new Set(page.map((entry) => entry.push))];
  const records = ids.length > 0 ? await ctx.store.pushes(teamId, ids) : new Map<number, PushRecord>();
  const pushes: Record<string, PushAuthorship> = {};
  for (const id of ids) {
    const record = records.get(id);
    if (!record) throw new Error(`push ${String(id)} of team ${teamId} has no row`);
    pushes[String(id)] = record;
  }
  return pushes;
}

export function pullRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'pull', async (request, reply): Promise<PullReply> => {
    const teamId = param(request, 'teamId');
    const query = parseWith(PullQuerySchema, request.query, 'pull query');
    await requireTeam(ctx, teamId);
    const epoch = await ctx.store.epoch();
    if (query.epoch !== epoch) return { kind: 'epochChanged', epoch };

    const read = async () => ctx.store.pull(teamId, query.after, query.limit + 1);
    const generation = ctx.notifier.generation(teamId);
    let page = await read();
    if (page.length === 0 && query.wait > 0) {
      // Stop waiting when the laptop hangs up: nobody would read the answer.
      const hangUp = new AbortController();
      const onClose = () => hangUp.abort();
      reply.raw.once('close', onClose);
      await ctx.notifier.wait(teamId, generation, query.wait * 1000, hangUp.signal);
      reply.raw.off('close', onClose);
      page = await read();
    }
    const operations = page.slice(0, query.limit);
    const last = operations.at(-1)?.seq ?? query.after;
    return {
      kind: 'operations',
      operations: operations.map(({ seq, operation, push }) => ({ seq, operation, push })),
      pushes: await pushesOfPage(ctx, teamId, operations),
      cursor: { epoch, seq: last },
      more: page.length > query.limit,
    };
  });

  addRoute(app, 'knowledge', async (request) => {
    const teamId = param(request, 'teamId');
    await requireTeam(ctx, teamId);
    const [epoch, knowledge] = await Promise.all([ctx.store.epoch(), ctx.store.knowledge(teamId)]);
    return { epoch, knowledge };
  });

  addRoute(app, 'snapshot', async (request, reply) => {
    const teamId = param(request, 'teamId');
    const query = parseWith(SnapshotQuerySchema, request.query, 'query');
    await requireTeam(ctx, teamId);
    const [epoch, snapshot] = await Promise.all([
      ctx.store.epoch(),
      ctx.store.snapshot(teamId, { after: query.next ?? null, limit: query.limit }),
    ]);
    const body: SnapshotReply = {
      cursor: { epoch, seq: snapshot.seq },
      operations: snapshot.operations,
      next: snapshot.next,
    };
    const compressed = await gzipAsync(JSON.stringify(body));
    return reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-encoding', 'gzip')
      .send(compressed);
  });
}

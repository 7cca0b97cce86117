// POST /teams/:teamId/push: a batch of operations into a team's log. Each gets a fate, in the order
// pushed: stored (with its sequence number), known (already had: retries and relays are harmless), or
// refused with a reason. Nothing is stored unless the batch as a whole is well-formed. The push's
// knowledge (what the laptop held) is kept with it, for pull pages to say who knew what.
import type { FastifyInstance } from 'fastify';
import { canonicalJson, type Json } from '../../../shared/sync/canonical-json';
import type { Operation } from '../../../shared/sync/operation';
import {
  PUSH_MAX_OPERATIONS,
  PushRequestSchema,
  readPushRequest,
  type Fate,
} from '../../../shared/sync/protocol';
import type { PushOutcome } from '../store/store';
import { detail, refusalBeforeStore } from '../sync/check-push';
import { isoAt, type ServerContext } from './context';
import { ApiError, parseWith } from './errors';
import { addRoute, callerOf, param } from './route';
import { requireTeam } from './team-routes';

export function pushRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'push', async (request) => {
    const caller = callerOf(request);
    const teamId = param(request, 'teamId');
    const operations = (request.body as { operations?: unknown } | null)?.operations;
    if (Array.isArray(operations) && operations.length > PUSH_MAX_OPERATIONS) {
      throw new ApiError(
        'tooLarge',
        `a push carries at most ${String(PUSH_MAX_OPERATIONS)} operations; this one has ${String(operations.length)}`,
      );
    }
    const body = readPushRequest(request.body) ?? parseWith(PushRequestSchema, request.body, 'push');
    await requireTeam(ctx, teamId);

    const now = ctx.now();
    const fates: (Fate | null)[] = body.operations.map((op) => refusalBeforeStore(op, now));
    const toStore: Operation[] = body.operations.filter((_, i) => fates[i] === null);
    const outcomes = toStore.length
      ? await ctx.store.push(
          teamId,
          toStore,
          { deviceId: caller.deviceId, personId: caller.personId },
          isoAt(now),
          body.knowledge ?? null,
        )
      : [];
    let next = 0;
    const replyFates = fates.map((fate) => fate ?? fateOf(outcomes[next++]));
    if (outcomes.some((o) => o.fate === 'stored')) ctx.notifier.wake(teamId);
    const [epoch, seq] = await Promise.all([ctx.store.epoch(), ctx.store.lastSeq(teamId)]);
    return { fates: replyFates, cursor: { epoch, seq } };
  });
}

function fateOf(outcome: PushOutcome | undefined): Fate {
  if (!outcome) throw new Error('the store answered fewer outcomes than operations');
  switch (outcome.fate) {
    case 'stored':
      return { fate: 'stored', seq: outcome.seq };
    case 'known':
      return { fate: 'known' };
    case 'differentContent':
      return {
        fate: 'refused',
        reason: 'differentContent',
        detail: detail(
          `this clock is stored with another value (${canonicalJson(outcome.storedValue as Json)}); yours is kept aside`,
        ),
      };
    case 'otherTeam':
      return {
        fate: 'refused',
        reason: 'otherTeam',
        detail: `the row belongs to the records of team ${outcome.ownerTeamId}`,
      };
  }
}

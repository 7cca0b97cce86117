// GET /teams (every role: names only, so office and leaders can choose a team) and POST /teams (admin).
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { NewTeamRequestSchema } from '../../../shared/sync/protocol';
import type { Store } from '../store/store';
import type { ServerContext } from './context';
import { ApiError, parseWith } from './errors';
import { addRoute } from './route';

export function teamRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'listTeams', async () => ({ teams: await ctx.store.teams() }));

  addRoute(app, 'createTeam', async (request, reply) => {
    const body = parseWith(NewTeamRequestSchema, request.body, 'new team');
    const team = { id: body.id ?? uuidv7(ctx.now()), name: body.name };
    const teams = await ctx.store.teams();
    if (teams.some((t) => t.id === team.id)) throw new ApiError('conflict', `team ${team.id} exists`);
    await ctx.store.createTeam(team);
    return reply.code(201).send({ team });
  });
}

/**
 * The teams each store is known to hold. Nothing deletes a team, so one found once needs no query on
 * the next request (every push and pull asks); one not found is looked up again each time, since the
 * admin command may add teams while the server runs.
 */
const knownTeams = new WeakMap<Store, Set<string>>();

/** The team, or 404: an office device naming a team that does not exist gets told so. */
export async function requireTeam(ctx: ServerContext, teamId: string): Promise<void> {
  let known = knownTeams.get(ctx.store);
  if (known?.has(teamId)) return;
  known = new Set((await ctx.store.teams()).map((team) => team.id));
  knownTeams.set(ctx.store, known);
  if (!known.has(teamId)) throw new ApiError('notFound', `no team ${teamId}`);
}

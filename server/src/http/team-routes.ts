// GET /teams (every role: names only, so office and leaders can choose a team) and POST /teams (admin).
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { NewTeamRequestSchema } from '../../../shared/sync/protocol';
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

/** The team, or 404: an office device naming a team that does not exist gets told so. */
export async function requireTeam(ctx: ServerContext, teamId: string): Promise<void> {
  const teams = await ctx.store.teams();
  if (!teams.some((team) => team.id === teamId)) throw new ApiError('notFound', `no team ${teamId}`);
}

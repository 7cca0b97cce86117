// GET /health: no session; says the server runs and which epoch its log is in.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context';
import { addRoute } from './route';

export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'health', async () => ({ ok: true, epoch: await ctx.store.epoch() }));
}

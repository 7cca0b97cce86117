// GET /health: no session; says the server runs, which epoch its log is in, and the oldest app version
// it syncs with (DUCHA_SERVER_MIN_APP_VERSION).
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context';
import { addRoute } from './route';

export function healthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'health', async () => ({
    ok: true,
    epoch: await ctx.store.epoch(),
    ...(ctx.minAppVersion ? { minAppVersion: ctx.minAppVersion } : {}),
  }));
}

// POST /setup: the one-time setup code printed at first start makes the city's admin; then it dies.
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { SetupRequestSchema, type Person } from '../../../shared/sync/protocol';
import { hashPassword } from '../auth/password';
import { sameHash, secretHash } from '../auth/secrets';
import { SETTINGS } from '../city';
import type { ServerContext } from './context';
import { ApiError, parseWith } from './errors';
import { publicPerson } from './views';
import { addRoute } from './route';

export function setupRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Two setups at once must not both pass the check before either uses the code.
  let queue: Promise<unknown> = Promise.resolve();

  addRoute(app, 'setup', async (request) => {
    const body = parseWith(SetupRequestSchema, request.body, 'setup request');
    const keys = [`ip:${request.ip}`];
    const wait = ctx.codeFailures.retryAfterSeconds(keys, ctx.now());
    if (wait !== null) throw new ApiError('rateLimited', 'too many wrong codes: wait', undefined, wait);
    const passwordHash = await hashPassword(body.password);
    const run = queue.then(async (): Promise<Person> => {
      const stored = await ctx.store.getSetting(SETTINGS.setupCodeHash);
      if (stored === null) throw new ApiError('codeInvalid', 'the server is set up already');
      if (!sameHash(secretHash(body.code), stored)) {
        ctx.codeFailures.fail(keys, ctx.now());
        throw new ApiError('codeInvalid', 'not the setup code the server printed');
      }
      if (await ctx.store.personByLogin(body.login)) throw new ApiError('conflict', 'that login is taken');
      const person = {
        id: uuidv7(ctx.now()),
        login: body.login,
        name: body.name,
        role: 'admin' as const,
        teamId: null,
        passwordHash,
      };
      await ctx.store.createPerson(person);
      await ctx.store.setSetting(SETTINGS.setupCodeHash, null);
      return { ...person, disabled: false };
    });
    queue = run.catch(() => undefined);
    return { person: publicPerson(await run) };
  });
}

// The admin's people: list, add (with a first password), disable. A disabled person's bindings stop
// working at their next request (the session check reads the person every time).
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { NewPersonRequestSchema } from '../../../shared/sync/protocol';
import { hashPassword } from '../auth/password';
import type { ServerContext } from './context';
import { ApiError, parseWith } from './errors';
import { addRoute, callerOf, param } from './route';
import { requireTeam } from './team-routes';
import { publicPerson } from './views';

export function peopleRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'listPeople', async () => ({ people: (await ctx.store.people()).map(publicPerson) }));

  addRoute(app, 'createPerson', async (request, reply) => {
    const body = parseWith(NewPersonRequestSchema, request.body, 'new person');
    if (body.teamId !== null) await requireTeam(ctx, body.teamId);
    if (await ctx.store.personByLogin(body.login))
      throw new ApiError('conflict', `login ${body.login} is taken`);
    const id = body.id ?? uuidv7(ctx.now());
    if (await ctx.store.personById(id)) throw new ApiError('conflict', `person ${id} exists`);
    const person = {
      id,
      login: body.login,
      name: body.name,
      role: body.role,
      teamId: body.teamId,
      passwordHash: await hashPassword(body.password),
    };
    await ctx.store.createPerson(person);
    return reply.code(201).send({ person: publicPerson({ ...person, disabled: false }) });
  });

  addRoute(app, 'disablePerson', async (request) => {
    const id = param(request, 'personId');
    if (id === callerOf(request).personId) {
      throw new ApiError('forbidden', 'an admin cannot disable themselves (the city would lose its admin)');
    }
    const person = await ctx.store.personById(id);
    if (!person) throw new ApiError('notFound', `no person ${id}`);
    await ctx.store.setDisabled(id, true);
    return { person: publicPerson({ ...person, disabled: true }) };
  });
}

// Devices: enrollment codes (admin or office), enrollment by code (no session: the code is the
// authority), the admin's list and revocation. A revoked device's earlier operations stay.
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { EnrollmentCodeRequestSchema, EnrollRequestSchema } from '../../../shared/sync/protocol';
import { newCode, secretHash } from '../auth/secrets';
import { publicKeyProblem } from '../auth/signature';
import { isoAt, type ServerContext } from './context';
import { ApiError, parseWith } from './errors';
import { addRoute, callerOf, param } from './route';
import { requireTeam } from './team-routes';

/** Long enough to carry a code on paper to a team in the field; single use, so the risk is small. */
export const ENROLLMENT_CODE_MS = 7 * 24 * 60 * 60 * 1000;

export function deviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  addRoute(app, 'createEnrollmentCode', async (request, reply) => {
    const { teamId } = parseWith(EnrollmentCodeRequestSchema, request.body, 'enrollment code request');
    if (teamId !== null) await requireTeam(ctx, teamId);
    const code = newCode();
    const now = ctx.now();
    const expiresAt = isoAt(now + ENROLLMENT_CODE_MS);
    await ctx.store.createEnrollmentCode({
      codeHash: secretHash(code),
      teamId,
      createdBy: callerOf(request).personId,
      createdAt: isoAt(now),
      expiresAt,
      usedAt: null,
    });
    return reply.code(201).send({ code, expiresAt });
  });

  addRoute(app, 'enroll', async (request, reply) => {
    const body = parseWith(EnrollRequestSchema, request.body, 'enrollment');
    const keyProblem = publicKeyProblem(body.publicKey);
    if (keyProblem) {
      throw new ApiError('malformed', 'the public key cannot be a device key', [
        { path: 'publicKey', message: keyProblem },
      ]);
    }
    const keys = [`ip:${request.ip}`];
    const now = ctx.now();
    const wait = ctx.codeFailures.retryAfterSeconds(keys, now);
    if (wait !== null) throw new ApiError('rateLimited', 'too many wrong codes: wait', undefined, wait);
    const device = await ctx.store.enroll(
      secretHash(body.code),
      {
        id: uuidv7(now),
        name: body.name,
        teamId: null, // the code's team: the store takes it from the code
        publicKey: body.publicKey,
        enrolledAt: isoAt(now),
        revokedAt: null,
      },
      isoAt(now),
    );
    if (!device) {
      ctx.codeFailures.fail(keys, now);
      throw new ApiError('codeInvalid', 'unknown, used or expired enrollment code: ask for a new one');
    }
    return reply.code(201).send({ device });
  });

  addRoute(app, 'listDevices', async () => ({ devices: await ctx.store.devices() }));

  addRoute(app, 'revokeDevice', async (request) => {
    const id = param(request, 'deviceId');
    const device = await ctx.store.deviceById(id);
    if (!device) throw new ApiError('notFound', `no device ${id}`);
    if (device.revokedAt === null) await ctx.store.revokeDevice(id, isoAt(ctx.now()));
    return { device: await ctx.store.deviceById(id) };
  });
}

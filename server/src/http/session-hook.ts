// The session check, run on every request as soon as it is routed and BEFORE its body is read: a
// made-up token never makes the server buffer a large body. It finds the caller from the bearer token,
// refuses revoked devices, disabled people and ended bindings with their reasons, then applies the
// route's line of the policy table (auth/policy.ts).
import type { FastifyRequest } from 'fastify';
import { authorize, endpointOfRoute, isPublic } from '../auth/policy';
import type { Caller } from './caller';
import type { ServerContext } from './context';
import { ApiError } from './errors';

const BEARER = /^Bearer ([A-Za-z0-9_-]{32,128})$/;

export function sessionHook(ctx: ServerContext) {
  return policyCheck((request) => callerFromSession(ctx, request.headers.authorization));
}

/**
 * The route's line of the policy table, applied with the caller `findCaller` gives (it throws when
 * there is none): the session hook's check, and the one a test of a single plugin registers with a
 * stand-in caller, so both apply the same rules.
 */
export function policyCheck(findCaller: (request: FastifyRequest) => Promise<Caller>) {
  return async function checkSession(request: FastifyRequest): Promise<void> {
    request.caller = null;
    const { config, method, url } = request.routeOptions;
    const endpoint =
      config.endpoint ?? (url === undefined ? undefined : endpointOfRoute(String(method), url));
    if (endpoint === undefined) {
      // Unknown URLs go on to the 404 handler; a real route without a policy line is refused outright.
      if (request.is404) return;
      throw new ApiError('forbidden', 'this route has no line in the policy table');
    }
    if (isPublic(endpoint)) return;

    request.caller = await findCaller(request);
    const teamId = (request.params as Record<string, unknown> | undefined)?.teamId;
    const decision = authorize(endpoint, request.caller, typeof teamId === 'string' ? teamId : null);
    if (!decision.allowed) throw new ApiError(decision.code, decision.reason);
  };
}

async function callerFromSession(ctx: ServerContext, authorization: string | undefined): Promise<Caller> {
  const token = BEARER.exec(authorization ?? '')?.[1];
  if (!token) {
    throw new ApiError(
      'unauthenticated',
      'send "Authorization: Bearer <session>"; a session comes from POST /auth/session',
    );
  }
  const found = ctx.sessions.find(token);
  if (found.kind === 'expired') {
    throw new ApiError(
      'sessionExpired',
      'the session has expired: sign a new challenge at POST /auth/session',
    );
  }
  if (found.kind === 'unknown') {
    throw new ApiError(
      'unauthenticated',
      'unknown session (the server may have restarted): sign a new challenge at POST /auth/session',
    );
  }
  const { session } = found;
  // Read every time, not cached with the session: a revocation or a disabled person takes effect at once.
  const { device, person, binding } = await ctx.store.sessionStanding(
    session.deviceId,
    session.personId,
    session.bindingHash,
  );
  if (!device || device.revokedAt !== null) {
    throw new ApiError('deviceRevoked', 'this device has been revoked: ask an admin to enroll it again');
  }
  if (!person || person.disabled) {
    throw new ApiError('personDisabled', 'this person has been disabled: ask an admin');
  }
  if (!binding || binding.revokedAt !== null) {
    throw new ApiError('unauthenticated', 'this person has signed out on this device: sign in again');
  }
  return {
    personId: person.id,
    role: person.role,
    deviceTeamId: device.teamId,
    personTeamId: person.teamId,
    deviceId: device.id,
  };
}

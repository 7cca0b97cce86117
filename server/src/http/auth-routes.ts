// Sign-in that survives weeks offline: each connection proves the device key by signing a fresh,
// single-use challenge; a person's password is asked once per laptop and yields a binding that never
// expires with time; sessions are short and renewed with the binding and a new signature.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ChallengeRequestSchema,
  SessionRequestSchema,
  SignInRequestSchema,
  type Device,
} from '../../../shared/sync/protocol';
import { spendPasswordCheck, verifyPassword } from '../auth/password';
import { WindowLimiter } from '../auth/rate-limit';
import { newSecret, secretHash } from '../auth/secrets';
import { verifySessionProof } from '../auth/signature';
import type { StoredPerson } from '../store/store';
import { isoAt, type ServerContext } from './context';
import { ApiError, parseWith } from './errors';
import { addRoute, callerOf } from './route';
import { publicPerson } from './views';

/** Long enough for a slow link to carry the challenge there and the signature back. */
export const CHALLENGE_MS = 2 * 60 * 1000;
/**
 * Challenges one device may ask for within a challenge's lifetime, so at most this many of its
 * challenges are unexpired at once (per server process): a laptop needs one per sign-in, a looping
 * one must not fill the table. A restart forgets the count; the table still holds the older ones.
 */
export const CHALLENGES_PER_DEVICE = 20;

export function authRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const challengesAsked = new WindowLimiter(CHALLENGES_PER_DEVICE, CHALLENGE_MS);

  addRoute(app, 'challenge', async (request) => {
    const { deviceId } = parseWith(ChallengeRequestSchema, request.body, 'challenge request');
    // An unknown or revoked device is refused here: it adds no row and no count.
    await liveDevice(ctx, deviceId);
    const wait = challengesAsked.retryAfterSeconds([deviceId], ctx.now());
    if (wait !== null) {
      throw new ApiError(
        'rateLimited',
        `this device asked for ${String(CHALLENGES_PER_DEVICE)} challenges in ${String(CHALLENGE_MS / 60_000)} minutes: sign one it holds, or ask again in ${String(wait)} s`,
        undefined,
        wait,
      );
    }
    challengesAsked.count([deviceId], ctx.now());
    const challenge = newSecret();
    await ctx.store.saveChallenge(challenge, deviceId, isoAt(ctx.now() + CHALLENGE_MS));
    return { challenge };
  });

  addRoute(app, 'signIn', async (request) => {
    const body = parseWith(SignInRequestSchema, request.body, 'sign-in');
    const keys = [`login:${body.login}`, `ip:${request.ip}`];
    const wait = ctx.signInFailures.retryAfterSeconds(keys, ctx.now());
    if (wait !== null) {
      throw new ApiError(
        'rateLimited',
        `too many failed sign-ins: try again in ${String(wait)} s`,
        undefined,
        wait,
      );
    }
    try {
      const device = await provenDevice(ctx, body);
      const person = await checkedPassword(ctx, body.login, body.password);
      onTeamDevice(person, device);
      ctx.signInFailures.forget(keys[0] as string);
      const binding = newSecret();
      const bindingHash = secretHash(binding);
      await ctx.store.saveBinding({
        bindingHash,
        deviceId: device.id,
        personId: person.id,
        createdAt: isoAt(ctx.now()),
        revokedAt: null,
      });
      const session = ctx.sessions.issue({ deviceId: device.id, personId: person.id, bindingHash });
      return {
        binding,
        session: session.token,
        person: publicPerson(person),
        sessionExpiresAt: isoAt(session.expiresAt),
      };
    } catch (error) {
      // Only a wrong password counts: a stale challenge (a retry after a lost reply) guesses nothing.
      if (error instanceof ApiError && error.code === 'badCredentials')
        ctx.signInFailures.fail(keys, ctx.now());
      throw error;
    }
  });

  addRoute(app, 'session', async (request) => {
    const body = parseWith(SessionRequestSchema, request.body, 'session request');
    const device = await provenDevice(ctx, body);
    const bindingHash = secretHash(body.binding);
    const binding = await ctx.store.bindingByHash(bindingHash);
    if (!binding || binding.deviceId !== device.id) {
      throw new ApiError('unauthenticated', 'unknown binding for this device: sign in with a password');
    }
    if (binding.revokedAt !== null) {
      throw new ApiError('unauthenticated', 'the person signed out on this device: sign in with a password');
    }
    const person = await ctx.store.personById(binding.personId);
    if (!person || person.disabled)
      throw new ApiError('personDisabled', 'this person has been disabled: ask an admin');
    onTeamDevice(person, device);
    const session = ctx.sessions.issue({ deviceId: device.id, personId: person.id, bindingHash });
    return {
      session: session.token,
      person: publicPerson(person),
      sessionExpiresAt: isoAt(session.expiresAt),
    };
  });

  addRoute(app, 'signOut', async (request: FastifyRequest) => {
    const caller = callerOf(request);
    const bindingHash = sessionBinding(ctx, request);
    await ctx.store.revokeBinding(bindingHash, isoAt(ctx.now()));
    ctx.sessions.endBinding(bindingHash);
    return { signedOut: true, personId: caller.personId };
  });
}

/** The device, enrolled and not revoked. */
async function liveDevice(ctx: ServerContext, deviceId: string): Promise<Device> {
  const device = await ctx.store.deviceById(deviceId);
  if (!device) throw new ApiError('notFound', `no device ${deviceId}: enroll it with a code`);
  if (device.revokedAt !== null) {
    throw new ApiError('deviceRevoked', 'this device has been revoked: ask an admin to enroll it again');
  }
  return device;
}

/** The device, once its key has signed this server's challenge (used up here, whatever the outcome). */
async function provenDevice(
  ctx: ServerContext,
  claim: { deviceId: string; challenge: string; signature: string },
): Promise<Device> {
  const device = await liveDevice(ctx, claim.deviceId);
  if (!(await ctx.store.takeChallenge(claim.challenge, device.id, isoAt(ctx.now())))) {
    throw new ApiError('badChallenge', 'unknown, used or expired challenge: ask for a new one');
  }
  const signed = verifySessionProof({
    publicKey: device.publicKey,
    challenge: claim.challenge,
    deviceId: device.id,
    signature: claim.signature,
  });
  if (!signed) throw new ApiError('badSignature', "the signature is not this device's key's");
  return device;
}

async function checkedPassword(ctx: ServerContext, login: string, password: string): Promise<StoredPerson> {
  const person = await ctx.store.personByLogin(login);
  const matches = person?.passwordHash
    ? await verifyPassword(password, person.passwordHash)
    : await spendPasswordCheck(password);
  if (!person || !matches) throw new ApiError('badCredentials', 'wrong login or password');
  if (person.disabled) throw new ApiError('personDisabled', 'this person has been disabled: ask an admin');
  return person;
}

/** An inspector works on a laptop of their own team only: what it pushes lands in that team's log. */
function onTeamDevice(person: StoredPerson, device: Device): void {
  if (person.role === 'inspector' && device.teamId !== person.teamId) {
    throw new ApiError(
      'otherTeam',
      `an inspector signs in only on a laptop of their own team (${person.teamId ?? 'none'}); this one is of ${device.teamId ?? 'the city office'}`,
    );
  }
}

function sessionBinding(ctx: ServerContext, request: FastifyRequest): string {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';
  const found = ctx.sessions.find(token);
  if (found.kind !== 'live') throw new ApiError('unauthenticated', 'no live session');
  return found.session.bindingHash;
}

// Who is calling: set on the request by the session check (server/src/auth) from the session token,
// read by every route. A route without a caller answers 401 before it reads the body.
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/sync/protocol';

export interface Caller {
  readonly personId: string;
  readonly role: Role;
  /** The device's team (null for a city office laptop). */
  readonly deviceTeamId: string | null;
  /** The person's team (null for admin, office and leaders). */
  readonly personTeamId: string | null;
  readonly deviceId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the session check; null on routes that need no session (health, enroll, sign-in). */
    caller: Caller | null;
  }
}

/** A request the session check has passed: its caller is known. */
export type SignedInRequest = FastifyRequest & { caller: Caller };

// Who may call what: ONE table. Each endpoint names the roles that may call it (or that it needs no
// session) and whether the team in its path must be the caller's. The session check (http/session-hook)
// applies it to every route before the body is read; server/test/role-matrix.test.ts walks every cell.
import type { Role } from '../../../shared/sync/protocol';
import type { Caller } from '../http/caller';

/**
 * none: the endpoint has no team in its path. path: it does, and an inspector must belong to that team
 * (both the person and the device); office and leader reach every team; admin touches no records.
 */
export type TeamRule = 'none' | 'path';

export interface EndpointPolicy {
  readonly method: 'GET' | 'POST' | 'HEAD' | 'PATCH' | 'PUT';
  readonly url: string;
  /** 'public': no session (the request carries its own proof: a code, a signed challenge, nothing). */
  readonly roles: 'public' | readonly Role[];
  readonly team: TeamRule;
  /** What the endpoint does, for refusals: "<role> may not <what>". */
  readonly what: string;
}

const EVERYONE: readonly Role[] = ['admin', 'office', 'inspector', 'leader'];
const READ_RECORDS: readonly Role[] = ['office', 'inspector', 'leader'];
const WRITE_RECORDS: readonly Role[] = ['office', 'inspector'];

export const POLICY = {
  health: {
    method: 'GET',
    url: '/health',
    roles: 'public',
    team: 'none',
    what: 'ask whether the server runs',
  },
  setup: {
    method: 'POST',
    url: '/setup',
    roles: 'public',
    team: 'none',
    what: "set the city admin's password",
  },
  enroll: { method: 'POST', url: '/devices/enroll', roles: 'public', team: 'none', what: 'enroll a device' },
  challenge: {
    method: 'POST',
    url: '/auth/challenge',
    roles: 'public',
    team: 'none',
    what: 'ask for a challenge',
  },
  signIn: { method: 'POST', url: '/auth/sign-in', roles: 'public', team: 'none', what: 'sign in' },
  session: { method: 'POST', url: '/auth/session', roles: 'public', team: 'none', what: 'open a session' },
  signOut: { method: 'POST', url: '/auth/sign-out', roles: EVERYONE, team: 'none', what: 'sign out' },

  listTeams: { method: 'GET', url: '/teams', roles: EVERYONE, team: 'none', what: 'list the teams' },
  createTeam: { method: 'POST', url: '/teams', roles: ['admin'], team: 'none', what: 'create a team' },
  listPeople: { method: 'GET', url: '/people', roles: ['admin'], team: 'none', what: 'list people' },
  createPerson: { method: 'POST', url: '/people', roles: ['admin'], team: 'none', what: 'add a person' },
  disablePerson: {
    method: 'POST',
    url: '/people/:personId/disable',
    roles: ['admin'],
    team: 'none',
    what: 'disable a person',
  },
  createEnrollmentCode: {
    method: 'POST',
    url: '/enrollment-codes',
    roles: ['admin', 'office'],
    team: 'none',
    what: 'issue an enrollment code',
  },
  listDevices: { method: 'GET', url: '/devices', roles: ['admin'], team: 'none', what: 'list devices' },
  revokeDevice: {
    method: 'POST',
    url: '/devices/:deviceId/revoke',
    roles: ['admin'],
    team: 'none',
    what: 'revoke a device',
  },

  push: {
    method: 'POST',
    url: '/teams/:teamId/push',
    roles: WRITE_RECORDS,
    team: 'path',
    what: 'push operations',
  },
  pull: {
    method: 'GET',
    url: '/teams/:teamId/pull',
    roles: READ_RECORDS,
    team: 'path',
    what: 'pull operations',
  },
  knowledge: {
    method: 'GET',
    url: '/teams/:teamId/knowledge',
    roles: READ_RECORDS,
    team: 'path',
    what: "read a team's knowledge",
  },
  snapshot: {
    method: 'GET',
    url: '/teams/:teamId/snapshot',
    roles: READ_RECORDS,
    team: 'path',
    what: "read a team's snapshot",
  },
  noticeNumbers: {
    method: 'POST',
    url: '/teams/:teamId/notice-numbers',
    roles: WRITE_RECORDS,
    team: 'path',
    what: 'reserve notice numbers',
  },

  // Photos (http/blob-routes.ts). Uploads name no team: the hash is the identity, any uploader may add
  // bytes, and a blob is served only to a team whose records reference it.
  blobsMissing: {
    method: 'POST',
    url: '/teams/:teamId/blobs/missing',
    roles: WRITE_RECORDS,
    team: 'path',
    what: 'ask which photos the server lacks',
  },
  blobOffset: {
    method: 'HEAD',
    url: '/blobs/:sha',
    roles: WRITE_RECORDS,
    team: 'none',
    what: "ask for a photo upload's offset",
  },
  blobUpload: {
    method: 'PATCH',
    url: '/blobs/:sha',
    roles: WRITE_RECORDS,
    team: 'none',
    what: 'upload a photo',
  },
  blobDownload: {
    method: 'GET',
    url: '/teams/:teamId/blobs/:sha',
    roles: READ_RECORDS,
    team: 'path',
    what: 'download a photo',
  },
} as const satisfies Record<string, EndpointPolicy>;

export type EndpointId = keyof typeof POLICY;

export type Decision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly code: 'forbidden' | 'otherTeam'; readonly reason: string };

/** Each role's reach, said in every refusal so the person knows why, not only that. */
export const ROLE_REACH: Readonly<Record<Role, string>> = {
  admin: 'the admin manages people, teams and devices and reads or writes no records',
  office: "the office reads and writes every team's records",
  inspector: "an inspector reads and writes their own team's records only",
  leader: "a leader reads every team's records and writes none",
};

const BY_ROUTE = new Map<string, EndpointId>(
  (Object.entries(POLICY) as [EndpointId, EndpointPolicy][]).map(([id, p]) => [`${p.method} ${p.url}`, id]),
);

/**
 * The policy line of a route as Fastify registered it (method and URL pattern), for routes declared
 * elsewhere (the photo plugin) without `config.endpoint`; undefined when the table has none.
 */
export function endpointOfRoute(method: string, url: string): EndpointId | undefined {
  // Fastify answers HEAD for every GET route: the same line applies.
  return BY_ROUTE.get(`${method} ${url}`) ?? (method === 'HEAD' ? BY_ROUTE.get(`GET ${url}`) : undefined);
}

export function isPublic(endpoint: EndpointId): boolean {
  return POLICY[endpoint].roles === 'public';
}

/** Whether the caller may call the endpoint; `pathTeamId` is the `:teamId` of the URL, if it has one. */
export function authorize(endpoint: EndpointId, caller: Caller | null, pathTeamId: string | null): Decision {
  const policy: EndpointPolicy = POLICY[endpoint];
  if (policy.roles === 'public') return { allowed: true };
  if (!caller) return { allowed: false, code: 'forbidden', reason: `${policy.what} needs a session` };
  if (!policy.roles.includes(caller.role)) {
    return {
      allowed: false,
      code: 'forbidden',
      reason: `a person with the role ${caller.role} may not ${policy.what}: ${ROLE_REACH[caller.role]}`,
    };
  }
  if (policy.team === 'path' && caller.role === 'inspector') {
    const own = caller.personTeamId;
    if (pathTeamId === null || own === null || pathTeamId !== own || caller.deviceTeamId !== own) {
      return {
        allowed: false,
        code: 'otherTeam',
        reason: `an inspector may ${policy.what} of their own team (${own ?? 'none'}) on a device of that team, not of team ${pathTeamId ?? '(none)'}`,
      };
    }
  }
  return { allowed: true };
}

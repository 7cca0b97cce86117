// The role matrix: every endpoint × every role × the caller's own team and another team, called
// through real HTTP, against a table written here by hand (not derived from auth/policy.ts), so the
// policy's behaviour is checked, not restated. A mismatch prints the whole matrix, expected and got.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/sync/protocol';
import { POLICY, type EndpointId } from '../src/auth/policy';
import { FailureLimiter } from '../src/auth/rate-limit';
import { SessionBook } from '../src/auth/sessions';
import { FsBlobStore } from '../src/blobs/fs-blob-store';
import { errorHandler } from '../src/http/errors';
import { sessionHook } from '../src/http/session-hook';
import type { Store } from '../src/store/store';
import { TeamNotifier } from '../src/sync/team-notifier';
import { describeEachBackend } from './support/backends';
import { NORTH, PASSWORD, SOUTH, regionOp, startCity, type City, type SignedIn } from './support/http-city';

type Cell = 'ok' | 'forbidden' | 'otherTeam';
const ROLES: readonly Role[] = ['admin', 'office', 'inspector', 'leader'];
const SCOPES = ['own', 'other'] as const;
type Scope = (typeof SCOPES)[number];

/**
 * What each role may do. Columns: admin, office, inspector on its own team, inspector on another
 * team, leader. Admin, office and leader get the same answer for either team.
 */
const EXPECTED: Record<EndpointId, [admin: Cell, office: Cell, own: Cell, other: Cell, leader: Cell]> = {
  health: ['ok', 'ok', 'ok', 'ok', 'ok'],
  setup: ['ok', 'ok', 'ok', 'ok', 'ok'],
  enroll: ['ok', 'ok', 'ok', 'ok', 'ok'],
  challenge: ['ok', 'ok', 'ok', 'ok', 'ok'],
  signIn: ['ok', 'ok', 'ok', 'ok', 'ok'],
  session: ['ok', 'ok', 'ok', 'ok', 'ok'],
  signOut: ['ok', 'ok', 'ok', 'ok', 'ok'],
  listTeams: ['ok', 'ok', 'ok', 'ok', 'ok'],
  createTeam: ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  listPeople: ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  createPerson: ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  disablePerson: ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  createEnrollmentCode: ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden'],
  listDevices: ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  revokeDevice: ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  push: ['forbidden', 'ok', 'ok', 'otherTeam', 'forbidden'],
  pull: ['forbidden', 'ok', 'ok', 'otherTeam', 'ok'],
  knowledge: ['forbidden', 'ok', 'ok', 'otherTeam', 'ok'],
  snapshot: ['forbidden', 'ok', 'ok', 'otherTeam', 'ok'],
  noticeNumbers: ['forbidden', 'ok', 'ok', 'otherTeam', 'forbidden'],
  blobsMissing: ['forbidden', 'ok', 'ok', 'otherTeam', 'forbidden'],
  blobOffset: ['forbidden', 'ok', 'ok', 'ok', 'forbidden'],
  blobUpload: ['forbidden', 'ok', 'ok', 'ok', 'forbidden'],
  blobDownload: ['forbidden', 'ok', 'ok', 'otherTeam', 'ok'],
};

/** What a refusal's reason must say, so a person learns why. */
const REASON: Record<Exclude<Cell, 'ok'>, (role: Role) => RegExp> = {
  forbidden: (role) =>
    ({
      admin: /admin manages people, teams and devices and reads or writes no records/,
      office: /office reads and writes every team's records/,
      inspector: /inspector reads and writes their own team's records only/,
      leader: /leader reads every team's records and writes none/,
    })[role],
  otherTeam: () => new RegExp(`own team \\(${NORTH}\\).*not of team ${SOUTH}`),
};

function expected(endpoint: EndpointId, role: Role, scope: Scope): Cell {
  const [admin, office, own, other, leader] = EXPECTED[endpoint];
  return { admin, office, inspector: scope === 'own' ? own : other, leader }[role];
}

interface Call {
  readonly method: string;
  readonly url: string;
  readonly body?: unknown;
  readonly payload?: Buffer;
  readonly headers?: Record<string, string>;
  /** The session to use instead of the role's (sign-out ends its own). */
  readonly session?: string;
}

/** The status (and error code, if any) an allowed call answers: the handler ran and did its work. */
const ALLOWED: Record<EndpointId, { status: number; code?: string }> = {
  health: { status: 200 },
  setup: { status: 403, code: 'codeInvalid' }, // the city has its admin: the code is spent, not the role refused
  enroll: { status: 201 },
  challenge: { status: 200 },
  signIn: { status: 200 },
  session: { status: 200 },
  signOut: { status: 200 },
  listTeams: { status: 200 },
  createTeam: { status: 201 },
  listPeople: { status: 200 },
  createPerson: { status: 201 },
  disablePerson: { status: 200 },
  createEnrollmentCode: { status: 201 },
  listDevices: { status: 200 },
  revokeDevice: { status: 200 },
  push: { status: 200 },
  pull: { status: 200 },
  knowledge: { status: 200 },
  snapshot: { status: 200 },
  noticeNumbers: { status: 200 },
  blobsMissing: { status: 200 },
  blobOffset: { status: 404 }, // nothing uploaded under that hash yet: the handler looked
  blobUpload: { status: 204 },
  blobDownload: { status: 404, code: 'blobNotReferenced' }, // no record of the team names it: the handler looked
};

let unique = 0;

/** A request that succeeds when allowed, with fresh targets so cells do not disturb each other. */
async function callFor(endpoint: EndpointId, city: City, who: SignedIn, teamId: string): Promise<Call> {
  const n = String(++unique);
  const at = city.clock.ms;
  const sha = createHash('sha256').update(n).digest('hex');
  switch (endpoint) {
    case 'health':
      return { method: 'GET', url: '/health' };
    case 'setup':
      return {
        method: 'POST',
        url: '/setup',
        body: { code: 'ABCDEFGHJKLM', login: `setup${n}`, name: 'x', password: PASSWORD },
      };
    case 'enroll':
      return {
        method: 'POST',
        url: '/devices/enroll',
        body: {
          code: await city.code(teamId),
          name: `m${n}`,
          publicKey: new (await import('./support/http-city')).TestDevice().publicKey,
        },
      };
    case 'challenge':
      return { method: 'POST', url: '/auth/challenge', body: { deviceId: who.device.id } };
    case 'signIn': {
      const challenge = await city.challenge(who.device);
      return {
        method: 'POST',
        url: '/auth/sign-in',
        body: {
          deviceId: who.device.id,
          challenge,
          signature: who.device.sign(challenge),
          login: who.login,
          password: PASSWORD,
        },
      };
    }
    case 'session': {
      const challenge = await city.challenge(who.device);
      return {
        method: 'POST',
        url: '/auth/session',
        body: {
          deviceId: who.device.id,
          challenge,
          signature: who.device.sign(challenge),
          binding: who.binding,
        },
      };
    }
    case 'signOut':
      return {
        method: 'POST',
        url: '/auth/sign-out',
        session: (await city.signIn(who.device, who.login)).session,
      };
    case 'listTeams':
      return { method: 'GET', url: '/teams' };
    case 'createTeam':
      return { method: 'POST', url: '/teams', body: { name: `组${n}` } };
    case 'listPeople':
      return { method: 'GET', url: '/people' };
    case 'createPerson':
      return {
        method: 'POST',
        url: '/people',
        body: { login: `new${n}`, name: 'N', role: 'inspector', teamId, password: PASSWORD },
      };
    case 'disablePerson':
      return { method: 'POST', url: `/people/${await city.addPerson('leader', null, `target${n}`)}/disable` };
    case 'createEnrollmentCode':
      return { method: 'POST', url: '/enrollment-codes', body: { teamId } };
    case 'listDevices':
      return { method: 'GET', url: '/devices' };
    case 'revokeDevice':
      return { method: 'POST', url: `/devices/${(await city.enroll(teamId)).id}/revoke` };
    case 'push':
      return {
        method: 'POST',
        url: `/teams/${teamId}/push`,
        body: { operations: [regionOp(`row${n}`, 'name', n, at)] },
      };
    case 'pull':
      return { method: 'GET', url: `/teams/${teamId}/pull?epoch=${await city.store.epoch()}&after=0` };
    case 'knowledge':
      return { method: 'GET', url: `/teams/${teamId}/knowledge` };
    case 'snapshot':
      return { method: 'GET', url: `/teams/${teamId}/snapshot` };
    case 'noticeNumbers':
      return { method: 'POST', url: `/teams/${teamId}/notice-numbers`, body: { year: 2026, count: 1 } };
    case 'blobsMissing':
      return { method: 'POST', url: `/teams/${teamId}/blobs/missing`, body: { hashes: [sha] } };
    case 'blobOffset':
      return { method: 'HEAD', url: `/blobs/${sha}` };
    case 'blobUpload': {
      const bytes = randomBytes(64);
      return {
        method: 'PATCH',
        url: `/blobs/${createHash('sha256').update(bytes).digest('hex')}`,
        payload: bytes,
        headers: {
          'content-type': 'application/offset+octet-stream',
          'upload-offset': '0',
          'upload-length': '64',
        },
      };
    }
    case 'blobDownload':
      return { method: 'GET', url: `/teams/${teamId}/blobs/${sha}` };
  }
}

interface Outcome {
  readonly status: number;
  readonly code: string | null;
  readonly reason: string;
}

function verdict(endpoint: EndpointId, role: Role, want: Cell, got: Outcome): string | null {
  if (want === 'ok') {
    const allowed = ALLOWED[endpoint];
    if (got.status === allowed.status && (allowed.code ?? null) === got.code) return null;
    return `expected it allowed (${String(allowed.status)}${allowed.code ? ` ${allowed.code}` : ''}), got ${String(got.status)} ${got.code ?? ''} ${got.reason}`;
  }
  // A reply to HEAD has no body to carry the code and reason: its status says it.
  if (POLICY[endpoint].method === 'HEAD')
    return got.status === 403 ? null : `expected 403, got ${String(got.status)}`;
  if (got.status !== 403 || got.code !== want)
    return `expected 403 ${want}, got ${String(got.status)} ${got.code ?? ''}`;
  if (!REASON[want](role).test(got.reason)) return `the reason does not say why: "${got.reason}"`;
  return null;
}

function printMatrix(results: Map<string, { want: Cell; got: Outcome; problem: string | null }>): string {
  const columns = ROLES.flatMap((role) => SCOPES.map((scope) => `${role}/${scope}`));
  const width = 16;
  const lines = [`${'endpoint'.padEnd(22)}${columns.map((c) => c.padEnd(width)).join('')}`];
  for (const endpoint of Object.keys(POLICY) as EndpointId[]) {
    const cells = columns.map((column) => {
      const result = results.get(`${endpoint} ${column}`);
      if (!result) return '?'.padEnd(width);
      const refused = result.got.code ?? String(result.got.status);
      const got =
        result.want === 'ok' && !result.problem
          ? 'ok'
          : result.want === 'ok'
            ? refused
            : (result.got.code ?? (result.problem ? refused : result.want));
      return `${result.problem ? '✗ ' : ''}${got}`.padEnd(width);
    });
    lines.push(`${endpoint.padEnd(22)}${cells.join('')}`);
  }
  const problems = [...results]
    .filter(([, r]) => r.problem)
    .map(([cell, r]) => `  ${cell}: ${r.problem ?? ''}`);
  return `${lines.join('\n')}\n\nMismatches:\n${problems.join('\n')}`;
}

describeEachBackend('role matrix', (backend) => {
  let city: City;
  let blobHome: string;
  const callers = new Map<Role, SignedIn>();

  beforeAll(async () => {
    blobHome = mkdtempSync(join(tmpdir(), 'ducha-matrix-blobs-'));
    city = await startCity((await backend.fresh()).store, { blobs: await FsBlobStore.open(blobHome) });
    // The city has its admin (made by startCity), so /setup's code is spent.
    for (const role of ROLES) {
      // Inspectors belong to the north team on a north laptop; the others use city office laptops.
      callers.set(role, await city.as(role, role === 'inspector' ? NORTH : null));
    }
  });
  afterAll(async () => {
    await city.close();
    rmSync(blobHome, { recursive: true, force: true });
  });

  it('covers every endpoint of the policy, and every endpoint is served', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(Object.keys(POLICY).sort());
    for (const [id, line] of Object.entries(POLICY)) {
      expect(city.app.hasRoute({ method: line.method, url: line.url }), id).toBe(true);
    }
  });

  it('allows and refuses exactly as the table says, each refusal with its code and reason', async () => {
    const results = new Map<string, { want: Cell; got: Outcome; problem: string | null }>();
    for (const endpoint of Object.keys(POLICY) as EndpointId[]) {
      for (const role of ROLES) {
        for (const scope of SCOPES) {
          const who = callers.get(role) as SignedIn;
          const call = await callFor(endpoint, city, who, scope === 'own' ? NORTH : SOUTH);
          const response = await city.inject(call.method, call.url, {
            session: call.session ?? who.session,
            ...(call.body !== undefined ? { body: call.body } : {}),
            ...(call.payload !== undefined ? { payload: call.payload } : {}),
            ...(call.headers ? { headers: call.headers } : {}),
          });
          const error =
            response.body &&
            response.headers['content-type']?.toString().includes('json') &&
            response.statusCode >= 400
              ? response.json<{ error: { code: string; message: string } }>().error
              : null;
          const got = {
            status: response.statusCode,
            code: error?.code ?? null,
            reason: error?.message ?? '',
          };
          const want = expected(endpoint, role, scope);
          results.set(`${endpoint} ${role}/${scope}`, {
            want,
            got,
            problem: verdict(endpoint, role, want, got),
          });
        }
      }
    }
    const mismatches = [...results.values()].filter((r) => r.problem).length;
    if (mismatches > 0) console.log(printMatrix(results));
    expect(mismatches, printMatrix(results)).toBe(0);
    expect(results.size).toBe(Object.keys(POLICY).length * ROLES.length * SCOPES.length);
  });

  it('lets the office write for any team from a laptop of any team', async () => {
    const office = await city.as('office', null, NORTH);
    const response = await city.inject('POST', `/teams/${SOUTH}/push`, {
      session: office.session,
      body: { operations: [regionOp(`office-row-${String(++unique)}`, 'name', 'x', city.clock.ms)] },
    });
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('a route without a line in the policy table', () => {
  it('is refused before its handler runs', async () => {
    const app = Fastify();
    const ctx = {
      store: {} as Store,
      sessions: new SessionBook(Date.now),
      signInFailures: new FailureLimiter(),
      codeFailures: new FailureLimiter(),
      notifier: new TeamNotifier(),
      now: Date.now,
    };
    app.decorateRequest('caller', null);
    app.addHook('onRequest', sessionHook(ctx));
    app.setErrorHandler(errorHandler);
    let ran = false;
    app.get('/teams/:teamId/secret', () => {
      ran = true;
      return { secret: true };
    });
    const response = await app.inject({ method: 'GET', url: `/teams/${NORTH}/secret` });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      error: { code: 'forbidden', message: 'this route has no line in the policy table' },
    });
    expect(ran).toBe(false);
    await app.close();
  });
});

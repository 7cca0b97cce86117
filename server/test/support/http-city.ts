// A city on a real store behind the real app (fastify.inject): teams, people with passwords, enrolled
// devices with Ed25519 keys, and signed-in sessions made through the HTTP routes themselves, with a
// clock the test moves. For the HTTP suites and the role matrix.
import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { sessionProof, type Role } from '../../../shared/sync/protocol';
import { buildServer } from '../../src/app';
import type { BlobStore } from '../../src/blobs/blob-store';
import { hashPassword } from '../../src/auth/password';
import { newCode, secretHash } from '../../src/auth/secrets';
import type { Store } from '../../src/store/store';

export const NORTH = 'team-north';
export const SOUTH = 'team-south';
export const PASSWORD = 'correct horse battery';
export const ADMIN_ID = 'person-admin';

export class TestDevice {
  readonly keys: { publicKey: KeyObject; privateKey: KeyObject };
  id = '';
  teamId: string | null = null;

  constructor() {
    this.keys = generateKeyPairSync('ed25519');
  }

  get publicKey(): string {
    return Buffer.from(this.keys.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('base64');
  }

  sign(challenge: string, deviceId = this.id): string {
    return sign(null, sessionProof(challenge, deviceId), this.keys.privateKey).toString('base64');
  }
}

export interface SignedIn {
  readonly device: TestDevice;
  readonly personId: string;
  readonly login: string;
  session: string;
  readonly binding: string;
}

export interface City {
  readonly app: FastifyInstance;
  readonly store: Store;
  /** The server's clock; move it with `clock.ms += …`. */
  readonly clock: { ms: number };
  /** The address requests come from (sign-in failures are limited per address too). */
  ip: string;
  inject(
    method: string,
    url: string,
    options?: {
      body?: unknown;
      session?: string;
      payload?: string | Buffer;
      headers?: Record<string, string>;
    },
  ): Promise<LightMyRequestResponse>;
  addPerson(role: Role, teamId: string | null, login: string): Promise<string>;
  /** An enrollment code made straight in the store (the route is tested on its own). */
  code(teamId: string | null): Promise<string>;
  enroll(teamId: string | null): Promise<TestDevice>;
  challenge(device: TestDevice): Promise<string>;
  signIn(device: TestDevice, login: string, password?: string): Promise<SignedIn>;
  /** A person of the role, on a device of the team (or an office laptop), signed in. */
  as(role: Role, teamId: string | null, deviceTeamId?: string | null): Promise<SignedIn>;
  close(): Promise<void>;
}

let logins = 0;

export async function startCity(store: Store, options: { blobs?: BlobStore } = {}): Promise<City> {
  const clock = { ms: Date.parse('2026-06-01T08:00:00Z') };
  const app = await buildServer({ store, now: () => clock.ms, ...options });
  await store.createTeam({ id: NORTH, name: '第一督查组' });
  await store.createTeam({ id: SOUTH, name: '第二督查组' });
  const passwordHash = await hashPassword(PASSWORD);
  await store.createPerson({
    id: ADMIN_ID,
    login: 'city-admin',
    name: 'Admin',
    role: 'admin',
    teamId: null,
    passwordHash,
  });

  const city: City = {
    app,
    store,
    clock,
    ip: '127.0.0.1',
    inject: (method, url, options = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        remoteAddress: city.ip,
        headers: {
          ...(options.session ? { authorization: `Bearer ${options.session}` } : {}),
          ...(options.body !== undefined || options.payload !== undefined
            ? { 'content-type': 'application/json' }
            : {}),
          ...options.headers,
        },
        ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
        ...(options.payload !== undefined ? { payload: options.payload } : {}),
      }),

    async addPerson(role, teamId, login) {
      const id = `person-${login}`;
      await store.createPerson({ id, login, name: login, role, teamId, passwordHash });
      return id;
    },

    async code(teamId) {
      const code = newCode();
      await store.createEnrollmentCode({
        codeHash: secretHash(code),
        teamId,
        createdBy: ADMIN_ID,
        createdAt: new Date(clock.ms).toISOString(),
        expiresAt: new Date(clock.ms + 3_600_000).toISOString(),
        usedAt: null,
      });
      return code;
    },

    async enroll(teamId) {
      const device = new TestDevice();
      const response = await city.inject('POST', '/devices/enroll', {
        body: {
          code: await city.code(teamId),
          name: `laptop ${String(++logins)}`,
          publicKey: device.publicKey,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      const { device: enrolled } = response.json<{ device: { id: string; teamId: string | null } }>();
      device.id = enrolled.id;
      device.teamId = enrolled.teamId;
      return device;
    },

    async challenge(device) {
      const response = await city.inject('POST', '/auth/challenge', { body: { deviceId: device.id } });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ challenge: string }>().challenge;
    },

    async signIn(device, login, password = PASSWORD) {
      const challenge = await city.challenge(device);
      const response = await city.inject('POST', '/auth/sign-in', {
        body: { deviceId: device.id, challenge, signature: device.sign(challenge), login, password },
      });
      expect(response.statusCode, response.body).toBe(200);
      const reply = response.json<{ session: string; binding: string; person: { id: string } }>();
      return { device, personId: reply.person.id, login, session: reply.session, binding: reply.binding };
    },

    async as(role, teamId, deviceTeamId = teamId) {
      const login = `${role}${String(++logins)}`;
      await city.addPerson(role, role === 'inspector' ? teamId : null, login);
      return city.signIn(await city.enroll(deviceTeamId), login);
    },

    close: () => app.close(),
  };
  return city;
}

/** An operation on a region record, valid unless the test says otherwise. */
export function regionOp(
  rowId: string,
  field: string,
  value: unknown,
  wall: number,
  node = '00000000000000a1',
  counter = 0,
): { table: 'regions'; rowId: string; field: string; value: unknown; hlc: string; node: string } {
  const hlc = `${String(wall).padStart(15, '0')}-${String(counter).padStart(6, '0')}-${node}`;
  return { table: 'regions', rowId, field, value, hlc, node };
}

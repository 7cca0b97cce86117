// The admin's routes through real HTTP on each store: teams, people, enrollment codes, devices —
// happy paths, bad input, and what is (not) shown: never a password hash.
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DevicesReplySchema,
  EnrollmentCodeReplySchema,
  PeopleReplySchema,
  PersonReplySchema,
  TeamsReplySchema,
} from '../../shared/sync/protocol';
import { verifyPassword } from '../src/auth/password';
import { describeEachBackend } from './support/backends';
import { NORTH, PASSWORD, TestDevice, startCity, type City, type SignedIn } from './support/http-city';

const errorOf = (response: { json: () => unknown }) =>
  (response.json() as { error: { code: string; issues?: { path: string }[] } }).error;

describeEachBackend('admin routes over HTTP', (backend) => {
  let city: City;
  let admin: SignedIn;
  let office: SignedIn;

  beforeAll(async () => {
    city = await startCity((await backend.fresh()).store);
    admin = await city.as('admin', null);
    office = await city.as('office', null);
  });
  afterAll(() => city.close());

  it('creates teams with the app’s id or one of its own, and lists them', async () => {
    const given = await city.inject('POST', '/teams', {
      session: admin.session,
      body: { id: 'team-east', name: '第三督查组' },
    });
    expect(given.statusCode, given.body).toBe(201);
    expect(given.json()).toEqual({ team: { id: 'team-east', name: '第三督查组' } });
    const made = await city.inject('POST', '/teams', {
      session: admin.session,
      body: { name: '第四督查组' },
    });
    const madeId = made.json<{ team: { id: string } }>().team.id;
    expect(madeId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const again = await city.inject('POST', '/teams', {
      session: admin.session,
      body: { id: 'team-east', name: 'x' },
    });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'conflict']);
    const nameless = await city.inject('POST', '/teams', { session: admin.session, body: { name: '' } });
    expect([nameless.statusCode, errorOf(nameless).issues?.[0]?.path]).toEqual([400, 'name']);
    const list = TeamsReplySchema.parse(
      (await city.inject('GET', '/teams', { session: office.session })).json(),
    );
    expect(list.teams.map((t) => t.id)).toEqual(expect.arrayContaining([NORTH, 'team-east', madeId]));
  });

  it('adds people with a first password kept only as a hash, and refuses what does not fit', async () => {
    const response = await city.inject('POST', '/people', {
      session: admin.session,
      body: {
        login: 'wang.fang',
        name: '王芳',
        role: 'inspector',
        teamId: NORTH,
        password: 'first password 1',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { person } = PersonReplySchema.parse(response.json());
    expect(person).toMatchObject({ login: 'wang.fang', role: 'inspector', teamId: NORTH, disabled: false });
    expect(response.body).not.toContain('scrypt');
    const stored = await city.store.personById(person.id);
    expect(await verifyPassword('first password 1', stored?.passwordHash ?? '')).toBe(true);
    // She signs in with it on a north laptop.
    expect(
      (await city.signIn(await city.enroll(NORTH), 'wang.fang', 'first password 1')).session,
    ).toBeTruthy();

    const bad = [
      [{ login: 'wang.fang', name: 'x', role: 'leader', teamId: null, password: PASSWORD }, 409, 'conflict'],
      [
        { login: 'no.team', name: 'x', role: 'inspector', teamId: null, password: PASSWORD },
        400,
        'malformed',
      ],
      [{ login: 'has.team', name: 'x', role: 'office', teamId: NORTH, password: PASSWORD }, 400, 'malformed'],
      [{ login: 'Bad Login', name: 'x', role: 'leader', teamId: null, password: PASSWORD }, 400, 'malformed'],
      [{ login: 'short.pw', name: 'x', role: 'leader', teamId: null, password: 'short' }, 400, 'malformed'],
      [{ login: 'no.role', name: 'x', role: 'mayor', teamId: null, password: PASSWORD }, 400, 'malformed'],
      [
        { login: 'lost', name: 'x', role: 'inspector', teamId: 'team-nowhere', password: PASSWORD },
        404,
        'notFound',
      ],
    ] as const;
    const before = (await city.store.people()).length;
    for (const [body, status, code] of bad) {
      const refused = await city.inject('POST', '/people', { session: admin.session, body });
      expect([refused.statusCode, errorOf(refused).code], body.login).toEqual([status, code]);
    }
    expect((await city.store.people()).length).toBe(before);

    const people = PeopleReplySchema.parse(
      (await city.inject('GET', '/people', { session: admin.session })).json(),
    );
    expect(people.people.map((p) => p.login)).toContain('wang.fang');
    expect(JSON.stringify(people)).not.toContain('scrypt');
    const missing = await city.inject('POST', '/people/no-such-person/disable', { session: admin.session });
    expect([missing.statusCode, errorOf(missing).code]).toEqual([404, 'notFound']);
  });

  it('issues one-time enrollment codes (admin or office) for a team or the office', async () => {
    const response = await city.inject('POST', '/enrollment-codes', {
      session: office.session,
      body: { teamId: NORTH },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { code, expiresAt } = EnrollmentCodeReplySchema.parse(response.json());
    expect(Date.parse(expiresAt) - city.clock.ms).toBe(7 * 24 * 3_600_000);
    const device = new TestDevice();
    const enrolled = await city.inject('POST', '/devices/enroll', {
      body: { code, name: 'n', publicKey: device.publicKey },
    });
    expect(enrolled.json()).toMatchObject({ device: { teamId: NORTH } });

    const officeCode = await city.inject('POST', '/enrollment-codes', {
      session: admin.session,
      body: { teamId: null },
    });
    const officeDevice = await city.inject('POST', '/devices/enroll', {
      body: {
        code: EnrollmentCodeReplySchema.parse(officeCode.json()).code,
        name: 'office',
        publicKey: new TestDevice().publicKey,
      },
    });
    expect(officeDevice.json()).toMatchObject({ device: { teamId: null } });
    const nowhere = await city.inject('POST', '/enrollment-codes', {
      session: admin.session,
      body: { teamId: 'team-nowhere' },
    });
    expect(errorOf(nowhere).code).toBe('notFound');
    const noBody = await city.inject('POST', '/enrollment-codes', { session: admin.session, body: {} });
    expect(errorOf(noBody).code).toBe('malformed');
  });

  it('lists devices and revokes one (twice is harmless, an unknown one is 404)', async () => {
    const device = await city.enroll(NORTH);
    const { devices } = DevicesReplySchema.parse(
      (await city.inject('GET', '/devices', { session: admin.session })).json(),
    );
    expect(devices.find((d) => d.id === device.id)).toMatchObject({
      teamId: NORTH,
      revokedAt: null,
      publicKey: device.publicKey,
    });
    const first = await city.inject('POST', `/devices/${device.id}/revoke`, { session: admin.session });
    const revokedAt = first.json<{ device: { revokedAt: string } }>().device.revokedAt;
    expect(revokedAt).toBe(new Date(city.clock.ms).toISOString());
    city.clock.ms += 1000;
    const second = await city.inject('POST', `/devices/${device.id}/revoke`, { session: admin.session });
    expect(second.json<{ device: { revokedAt: string } }>().device.revokedAt).toBe(revokedAt);
    const unknown = await city.inject('POST', '/devices/no-such-device/revoke', { session: admin.session });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'notFound']);
  });
});

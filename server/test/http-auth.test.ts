// Setup, enrollment and sign-in through real HTTP (fastify.inject) on each store: happy paths, and
// every refusal with its code — forged signatures, replayed challenges, expired sessions, a device of
// another team, revoked devices, disabled people, the rate limit — with nothing stored by a refusal.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { SETTINGS, prepareCity } from '../src/city';
import { buildServer } from '../src/app';
import { describeEachBackend } from './support/backends';
import { NORTH, PASSWORD, SOUTH, TestDevice, startCity, type City } from './support/http-city';

const code = (response: { json: () => unknown }) =>
  (response.json() as { error: { code: string } }).error.code;

describeEachBackend('sign-in over HTTP', (backend) => {
  let city: City;
  beforeAll(async () => {
    city = await startCity((await backend.fresh()).store);
  });
  afterAll(() => city.close());
  // Each test from an address of its own: failed sign-ins are counted per address.
  let address = 0;
  beforeEach(() => {
    city.ip = `10.0.0.${String(++address)}`;
  });

  it('GET /health answers without a session', async () => {
    const response = await city.inject('GET', '/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, epoch: await city.store.epoch() });
    expect(response.headers['request-id'] ?? 'none').toBe('none');
  });

  it('GET /health names the oldest app version it syncs with, when one is set', async () => {
    const app = await buildServer({ store: city.store, minAppVersion: '1.4.0' });
    try {
      const response = await app.inject({ method: 'GET', url: '/health' });
      expect(response.json()).toEqual({ ok: true, epoch: await city.store.epoch(), minAppVersion: '1.4.0' });
    } finally {
      await app.close();
    }
  });

  it('enrolls a device with a one-time code into the code’s team, once', async () => {
    const device = new TestDevice();
    const enrollment = await city.code(NORTH);
    const body = { code: enrollment, name: '北组笔记本', publicKey: device.publicKey };
    const first = await city.inject('POST', '/devices/enroll', { body: { ...body } });
    expect(first.statusCode, first.body).toBe(201);
    const { device: enrolled } = first.json<{
      device: { id: string; teamId: string; publicKey: string; revokedAt: null };
    }>();
    expect(enrolled).toMatchObject({
      teamId: NORTH,
      publicKey: device.publicKey,
      revokedAt: null,
      name: '北组笔记本',
    });
    expect(await city.store.deviceById(enrolled.id)).toMatchObject({ teamId: NORTH });

    const again = await city.inject('POST', '/devices/enroll', {
      body: { ...body, publicKey: new TestDevice().publicKey },
    });
    expect(again.statusCode).toBe(403);
    expect(code(again)).toBe('codeInvalid');

    const before = (await city.store.devices()).length;
    const weak = await city.inject('POST', '/devices/enroll', {
      body: { code: await city.code(NORTH), name: 'weak', publicKey: Buffer.alloc(32).toString('base64') },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      error: { code: 'malformed', issues: [{ path: 'publicKey', message: 'a weak (small-order) key' }] },
    });
    const wrongTypes = await city.inject('POST', '/devices/enroll', {
      body: { code: 42, name: [], publicKey: null },
    });
    expect(wrongTypes.statusCode).toBe(400);
    const issues = wrongTypes
      .json<{ error: { issues: { path: string }[] } }>()
      .error.issues.map((i) => i.path);
    expect([...new Set(issues)].sort()).toEqual(['code', 'name', 'publicKey']);
    const expired = await city.code(NORTH);
    city.clock.ms += 2 * 3_600_000;
    const late = await city.inject('POST', '/devices/enroll', { body: { ...body, code: expired } });
    expect(code(late)).toBe('codeInvalid');
    city.clock.ms -= 2 * 3_600_000;
    expect((await city.store.devices()).length).toBe(before);
  });

  it('signs in with the device key and the password, then renews sessions with the binding alone', async () => {
    await city.addPerson('inspector', NORTH, 'li.wei');
    const device = await city.enroll(NORTH);
    const signedIn = await city.signIn(device, 'li.wei');
    expect(signedIn.session).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(signedIn.binding).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await city.store.bindingByHash(signedIn.binding)).toBeNull(); // stored by hash only

    const teams = await city.inject('GET', '/teams', { session: signedIn.session });
    expect(teams.statusCode).toBe(200);

    // Weeks later (sessions long expired), the binding and a fresh signature give a new session.
    city.clock.ms += 30 * 24 * 3_600_000;
    const stale = await city.inject('GET', '/teams', { session: signedIn.session });
    expect(stale.statusCode).toBe(401);
    expect(code(stale)).toBe('sessionExpired');
    const challenge = await city.challenge(device);
    const renewed = await city.inject('POST', '/auth/session', {
      body: { deviceId: device.id, challenge, signature: device.sign(challenge), binding: signedIn.binding },
    });
    expect(renewed.statusCode, renewed.body).toBe(200);
    const reply = renewed.json<{
      session: string;
      person: { login: string; role: string; teamId: string };
      sessionExpiresAt: string;
    }>();
    expect(reply.person).toMatchObject({ login: 'li.wei', role: 'inspector', teamId: NORTH });
    expect(reply.person).not.toHaveProperty('passwordHash');
    expect(Date.parse(reply.sessionExpiresAt) - city.clock.ms).toBe(15 * 60 * 1000);
    expect((await city.inject('GET', '/teams', { session: reply.session })).statusCode).toBe(200);
  });

  it('refuses a forged signature, a replayed or expired challenge, and a wrong password', async () => {
    await city.addPerson('inspector', NORTH, 'zhao.min');
    const device = await city.enroll(NORTH);
    const attempt = async (body: Record<string, unknown>) => city.inject('POST', '/auth/sign-in', { body });

    const c1 = await city.challenge(device);
    const forged = await attempt({
      deviceId: device.id,
      challenge: c1,
      signature: new TestDevice().sign(c1, device.id),
      login: 'zhao.min',
      password: PASSWORD,
    });
    expect([forged.statusCode, code(forged)]).toEqual([401, 'badSignature']);
    // The challenge was used up by the forged attempt: the real key cannot reuse it either.
    const replayed = await attempt({
      deviceId: device.id,
      challenge: c1,
      signature: device.sign(c1),
      login: 'zhao.min',
      password: PASSWORD,
    });
    expect([replayed.statusCode, code(replayed)]).toEqual([401, 'badChallenge']);

    const c2 = await city.challenge(device);
    const good = {
      deviceId: device.id,
      challenge: c2,
      signature: device.sign(c2),
      login: 'zhao.min',
      password: PASSWORD,
    };
    expect((await attempt(good)).statusCode).toBe(200);
    const replay = await attempt(good);
    expect([replay.statusCode, code(replay)]).toEqual([401, 'badChallenge']);

    const c3 = await city.challenge(device);
    city.clock.ms += 3 * 60 * 1000;
    const late = await attempt({ ...good, challenge: c3, signature: device.sign(c3) });
    expect(code(late)).toBe('badChallenge');

    const c4 = await city.challenge(device);
    const wrong = await attempt({
      ...good,
      challenge: c4,
      signature: device.sign(c4),
      password: 'not the password',
    });
    expect([wrong.statusCode, code(wrong)]).toEqual([401, 'badCredentials']);
    const c5 = await city.challenge(device);
    const nobody = await attempt({
      ...good,
      challenge: c5,
      signature: device.sign(c5),
      login: 'no.such.person',
    });
    expect([nobody.statusCode, code(nobody)]).toEqual([401, 'badCredentials']);

    const challengeOfUnknown = await city.inject('POST', '/auth/challenge', {
      body: { deviceId: 'no-such-device' },
    });
    expect([challengeOfUnknown.statusCode, code(challengeOfUnknown)]).toEqual([404, 'notFound']);
  });

  it('lets an inspector sign in only on a laptop of their own team', async () => {
    await city.addPerson('inspector', NORTH, 'qian.li');
    const south = await city.enroll(SOUTH);
    const office = await city.enroll(null);
    for (const device of [south, office]) {
      const challenge = await city.challenge(device);
      const response = await city.inject('POST', '/auth/sign-in', {
        body: {
          deviceId: device.id,
          challenge,
          signature: device.sign(challenge),
          login: 'qian.li',
          password: PASSWORD,
        },
      });
      expect([response.statusCode, code(response)]).toEqual([403, 'otherTeam']);
      expect(response.json<{ error: { message: string } }>().error.message).toContain(NORTH);
    }
    // The office signs in on any laptop.
    await city.addPerson('office', null, 'office.sun');
    expect((await city.signIn(south, 'office.sun')).session).toBeTruthy();
  });

  it('refuses unknown and expired sessions, and never reads the body of a request without a session', async () => {
    const none = await city.inject('GET', '/teams');
    expect([none.statusCode, code(none)]).toEqual([401, 'unauthenticated']);
    const madeUp = await city.inject('GET', '/teams', { session: 'x'.repeat(43) });
    expect([madeUp.statusCode, code(madeUp)]).toEqual([401, 'unauthenticated']);
    // 5 MiB, far above the body limit: refused 401 (the session check), not 413 (the body parser).
    const huge = await city.inject('POST', `/teams/${NORTH}/push`, {
      session: 'x'.repeat(43),
      payload: `{"operations":["${'a'.repeat(5 * 1024 * 1024)}"]}`,
    });
    expect([huge.statusCode, code(huge)]).toEqual([401, 'unauthenticated']);
  });

  it('signs out: the binding and its sessions end, on this laptop only', async () => {
    const a = await city.as('leader', null);
    const b = await city.signIn(await city.enroll(null), a.login);
    const out = await city.inject('POST', '/auth/sign-out', { session: a.session });
    expect(out.statusCode, out.body).toBe(200);
    expect(code(await city.inject('GET', '/teams', { session: a.session }))).toBe('unauthenticated');
    const challenge = await city.challenge(a.device);
    const renew = await city.inject('POST', '/auth/session', {
      body: { deviceId: a.device.id, challenge, signature: a.device.sign(challenge), binding: a.binding },
    });
    expect([renew.statusCode, code(renew)]).toEqual([401, 'unauthenticated']);
    expect((await city.inject('GET', '/teams', { session: b.session })).statusCode).toBe(200);
  });

  it('refuses a revoked device and a disabled person, with their reasons', async () => {
    const admin = await city.as('admin', null);
    const inspector = await city.as('inspector', NORTH);
    const leader = await city.as('leader', null);
    const revoke = await city.inject('POST', `/devices/${inspector.device.id}/revoke`, {
      session: admin.session,
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const refused = await city.inject('GET', `/teams/${NORTH}/knowledge`, { session: inspector.session });
    expect([refused.statusCode, code(refused)]).toEqual([403, 'deviceRevoked']);
    const challenge = await city.inject('POST', '/auth/challenge', {
      body: { deviceId: inspector.device.id },
    });
    expect([challenge.statusCode, code(challenge)]).toEqual([403, 'deviceRevoked']);

    const disable = await city.inject('POST', `/people/${leader.personId}/disable`, {
      session: admin.session,
    });
    expect(disable.statusCode, disable.body).toBe(200);
    const disabled = await city.inject('GET', `/teams/${NORTH}/knowledge`, { session: leader.session });
    expect([disabled.statusCode, code(disabled)]).toEqual([403, 'personDisabled']);
    const c = await city.challenge(leader.device);
    const renew = await city.inject('POST', '/auth/session', {
      body: {
        deviceId: leader.device.id,
        challenge: c,
        signature: leader.device.sign(c),
        binding: leader.binding,
      },
    });
    expect([renew.statusCode, code(renew)]).toEqual([403, 'personDisabled']);
    const self = await city.inject('POST', `/people/${admin.personId}/disable`, { session: admin.session });
    expect([self.statusCode, code(self)]).toEqual([403, 'forbidden']);
  });

  it('limits sign-in failures: the sixth attempt in 15 minutes is 429 with Retry-After, even with the right password', async () => {
    await city.addPerson('office', null, 'guessed');
    const device = await city.enroll(null);
    const tryOnce = async (password: string) => {
      const challenge = await city.challenge(device);
      return city.inject('POST', '/auth/sign-in', {
        body: {
          deviceId: device.id,
          challenge,
          signature: device.sign(challenge),
          login: 'guessed',
          password,
        },
      });
    };
    for (let i = 0; i < 5; i++)
      expect(code(await tryOnce(`wrong password ${String(i)}`))).toBe('badCredentials');
    const blocked = await tryOnce(PASSWORD);
    expect([blocked.statusCode, code(blocked)]).toEqual([429, 'rateLimited']);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    city.clock.ms += 16 * 60 * 1000;
    expect((await tryOnce(PASSWORD)).statusCode).toBe(200);
  });

  it('answers malformed JSON, a wrong content type and unknown routes in the ErrorReply shape', async () => {
    const broken = await city.inject('POST', '/auth/challenge', { payload: '{"deviceId": ' });
    expect([broken.statusCode, code(broken)]).toEqual([400, 'malformed']);
    const text = await city.inject('POST', '/auth/challenge', {
      payload: 'hello',
      headers: { 'content-type': 'application/xml' },
    });
    expect([text.statusCode, code(text)]).toEqual([415, 'unsupportedMediaType']);
    const proto = await city.inject('POST', '/auth/challenge', {
      payload: '{"__proto__": {"x": 1}, "deviceId": "a"}',
    });
    expect([proto.statusCode, code(proto)]).toEqual([400, 'malformed']);
    const missing = await city.inject('GET', '/nowhere');
    expect([missing.statusCode, code(missing)]).toEqual([404, 'notFound']);
  });
});

describeEachBackend('first start and POST /setup', (backend) => {
  it('makes the city admin with the printed code once; the code then dies', async () => {
    const { store } = await backend.fresh();
    const printed = await prepareCity(store, Date.now());
    expect(printed).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    expect(await store.getSetting(SETTINGS.setupCodeHash)).not.toContain(printed);
    const city = await import('../src/app').then((m) => m.buildServer({ store }));
    try {
      const body = { code: printed, login: 'admin', name: '管理员', password: 'a long enough password' };
      const wrong = await city.inject({
        method: 'POST',
        url: '/setup',
        payload: { ...body, code: 'ABCDEFGHJKLM' },
      });
      expect(wrong.statusCode).toBe(403);
      const short = await city.inject({
        method: 'POST',
        url: '/setup',
        payload: { ...body, password: 'short' },
      });
      expect(short.json()).toMatchObject({ error: { code: 'malformed', issues: [{ path: 'password' }] } });
      const [first, second] = await Promise.all([
        city.inject({ method: 'POST', url: '/setup', payload: body }),
        city.inject({ method: 'POST', url: '/setup', payload: { ...body, login: 'admin2' } }),
      ]);
      expect([first.statusCode, second.statusCode].sort()).toEqual([200, 403]);
      const people = await store.people();
      expect(people).toHaveLength(1);
      expect(people[0]).toMatchObject({ role: 'admin', teamId: null, disabled: false });
      expect(people[0]?.passwordHash).toMatch(/^scrypt\$/);
      expect(await store.getSetting(SETTINGS.setupCodeHash)).toBeNull();
      // A restart with an admin prints no code.
      expect(await prepareCity(store, Date.now())).toBeNull();
    } finally {
      await city.close();
    }
  });
});

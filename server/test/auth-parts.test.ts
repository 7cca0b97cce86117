// The sign-in's parts on their own: the password hash, secrets, the device signature, sessions, the
// sign-in rate limit, the pull notifier. Through HTTP they are tested in http-auth.test.ts.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SMALL_ORDER_POINTS } from '../../shared/bundle/signing';
import { EnrollmentCodeSchema, sessionProof } from '../../shared/sync/protocol';
import { hashPassword, spendPasswordCheck, verifyPassword } from '../src/auth/password';
import { FailureLimiter } from '../src/auth/rate-limit';
import { newCode, newSecret, sameHash, secretHash } from '../src/auth/secrets';
import { SESSION_MS, SessionBook } from '../src/auth/sessions';
import { publicKeyProblem, verifySessionProof } from '../src/auth/signature';
import { TeamNotifier } from '../src/sync/team-notifier';

describe('password', () => {
  it('is stored as a slow salted scrypt hash that never contains the password', async () => {
    const password = 'correct horse battery';
    const started = performance.now();
    const hash = await hashPassword(password);
    const took = performance.now() - started;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(hash).not.toContain(password);
    expect(hash).not.toContain(Buffer.from(password).toString('base64'));
    // N=2^15, r=8: 32 MiB of memory and tens of ms on any machine; a fast hash would take microseconds.
    expect(took).toBeGreaterThan(15);
    expect(await hashPassword(password)).not.toBe(hash); // a new salt each time
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword(password, 'scrypt$2$1$1$AAAA$AAAA')).toBe(false);
    expect(
      await verifyPassword(
        password,
        `scrypt$${String(2 ** 30)}$8$1$${hash.split('$')[4]}$${hash.split('$')[5]}`,
      ),
    ).toBe(false);
    expect(await spendPasswordCheck(password)).toBe(false);
  });
});

describe('secrets', () => {
  it('are random, hashed with SHA-256 for storage, and codes use the unambiguous alphabet', () => {
    const secrets = new Set(Array.from({ length: 100 }, newSecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (let i = 0; i < 200; i++) expect(EnrollmentCodeSchema.safeParse(newCode()).success).toBe(true);
    expect(sameHash(secretHash('a'), secretHash('a'))).toBe(true);
    expect(sameHash(secretHash('a'), secretHash('b'))).toBe(false);
    expect(sameHash('abc', 'abcd')).toBe(false);
  });
});

describe('device signature', () => {
  const keys = generateKeyPairSync('ed25519');
  const publicKey = Buffer.from(keys.publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString(
    'base64',
  );
  const signed = (challenge: string, deviceId: string) =>
    sign(null, sessionProof(challenge, deviceId), keys.privateKey).toString('base64');

  it("accepts the device key's signature of this challenge for this device only", () => {
    const claim = {
      publicKey,
      challenge: 'c'.repeat(43),
      deviceId: 'device-1',
      signature: signed('c'.repeat(43), 'device-1'),
    };
    expect(verifySessionProof(claim)).toBe(true);
    expect(verifySessionProof({ ...claim, challenge: 'd'.repeat(43) })).toBe(false);
    expect(verifySessionProof({ ...claim, deviceId: 'device-2' })).toBe(false);
    const other = generateKeyPairSync('ed25519');
    const forged = sign(null, sessionProof(claim.challenge, claim.deviceId), other.privateKey).toString(
      'base64',
    );
    expect(verifySessionProof({ ...claim, signature: forged })).toBe(false);
    expect(verifySessionProof({ ...claim, signature: 'not base64!' })).toBe(false);
    expect(verifySessionProof({ ...claim, signature: Buffer.alloc(64).toString('base64') })).toBe(false);
  });

  it('refuses every small-order key and anything that is not 32 bytes of canonical base64', () => {
    expect(publicKeyProblem(publicKey)).toBeNull();
    for (const hex of SMALL_ORDER_POINTS) {
      expect(publicKeyProblem(Buffer.from(hex, 'hex').toString('base64'))).toBe('a weak (small-order) key');
      // The same point with the sign bit set.
      const flipped = Buffer.from(hex, 'hex');
      flipped[31] = (flipped[31] ?? 0) | 0x80;
      expect(publicKeyProblem(flipped.toString('base64'))).toBe('a weak (small-order) key');
    }
    expect(publicKeyProblem(Buffer.alloc(31, 7).toString('base64'))).toMatch(/32 bytes/);
    expect(publicKeyProblem(`${publicKey.slice(0, -1)}`)).toMatch(/base64/);
    // A weak key verifies nothing even if it were stored.
    const zero = Buffer.alloc(32).toString('base64');
    expect(
      verifySessionProof({
        publicKey: zero,
        challenge: 'x',
        deviceId: 'y',
        signature: Buffer.alloc(64).toString('base64'),
      }),
    ).toBe(false);
  });
});

describe('sessions', () => {
  it('last 15 minutes, are told apart expired from unknown, and end with their binding', () => {
    const clock = { ms: 1_000_000 };
    const book = new SessionBook(() => clock.ms);
    const a = book.issue({ deviceId: 'd1', personId: 'p1', bindingHash: 'b1' });
    const b = book.issue({ deviceId: 'd2', personId: 'p2', bindingHash: 'b2' });
    expect(a.expiresAt).toBe(clock.ms + SESSION_MS);
    expect(book.find(a.token)).toEqual({
      kind: 'live',
      session: { deviceId: 'd1', personId: 'p1', bindingHash: 'b1', expiresAt: a.expiresAt },
    });
    expect(book.find('made-up')).toEqual({ kind: 'unknown' });
    book.endBinding('b2');
    expect(book.find(b.token)).toEqual({ kind: 'unknown' });
    clock.ms += SESSION_MS;
    expect(book.find(a.token)).toEqual({ kind: 'expired' });
    // Long expired sessions are swept when new ones are issued.
    clock.ms += 2 * 60 * 60 * 1000;
    book.issue({ deviceId: 'd3', personId: 'p3', bindingHash: 'b3' });
    expect(book.find(a.token)).toEqual({ kind: 'unknown' });
    expect(book.size).toBe(1);
  });
});

describe('sign-in rate limit', () => {
  it('blocks a key after 5 failures in 15 minutes until the oldest leaves the window', () => {
    const limiter = new FailureLimiter();
    const t0 = 10_000_000;
    for (let i = 0; i < 4; i++) limiter.fail(['login:a', 'ip:1'], t0 + i * 1000);
    expect(limiter.retryAfterSeconds(['login:a', 'ip:1'], t0 + 5000)).toBeNull();
    limiter.fail(['login:a', 'ip:1'], t0 + 4000);
    expect(limiter.retryAfterSeconds(['login:a'], t0 + 5000)).toBe(15 * 60 - 5);
    expect(limiter.retryAfterSeconds(['login:b', 'ip:1'], t0 + 5000)).toBe(15 * 60 - 5);
    expect(limiter.retryAfterSeconds(['login:b', 'ip:2'], t0 + 5000)).toBeNull();
    expect(limiter.retryAfterSeconds(['login:a'], t0 + 15 * 60 * 1000)).toBeNull();
    limiter.forget('login:a');
    expect(limiter.retryAfterSeconds(['login:a'], t0 + 5000)).toBeNull();
    expect(limiter.retryAfterSeconds(['ip:1'], t0 + 5000)).not.toBeNull();
  });
});

describe('team notifier', () => {
  it('wakes the waiting pulls of a team, not another, and misses no wake between read and wait', async () => {
    const notifier = new TeamNotifier();
    const north = notifier.wait('north', notifier.generation('north'), 10_000);
    let southWoken = false;
    void notifier.wait('south', notifier.generation('south'), 50).then(() => (southWoken = true));
    expect(notifier.waiting).toBe(2);
    notifier.wake('north');
    await north;
    expect(southWoken).toBe(false);
    const before = notifier.generation('north');
    notifier.wake('north'); // a push that committed after the reader read
    const started = performance.now();
    await notifier.wait('north', before, 10_000);
    expect(performance.now() - started).toBeLessThan(100);
    const hangUp = new AbortController();
    const waiting = notifier.wait('north', notifier.generation('north'), 10_000, hangUp.signal);
    hangUp.abort();
    await waiting;
    const last = notifier.wait('north', notifier.generation('north'), 10_000);
    notifier.close();
    await last;
    expect(notifier.waiting).toBe(0);
  });
});

// The admin CLI on a real SQLite data folder (runAdmin, the same function `npm run server -- admin`
// runs): teams, people, codes, devices, and a backup restored under a new epoch.
import { mkdtempSync, rmSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnrollmentCodeSchema } from '../../shared/sync/protocol';
import { verifyPassword } from '../src/auth/password';
import { runAdmin } from '../src/cli';
import { configFromEnv, type ServerConfig } from '../src/config';
import { openStore } from '../src/store/open-store';

let home: string;
let config: ServerConfig;
let lines: string[];

async function admin(args: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; text: string }> {
  lines = [];
  const words = args.match(/"[^"]*"|\S+/g)?.map((w) => w.replace(/^"|"$/g, '')) ?? [];
  const code = await runAdmin(words, config, (line) => lines.push(line), env);
  return { code, text: lines.join('\n') };
}

async function withStore<T>(work: (store: ReturnType<typeof openStore>) => Promise<T>): Promise<T> {
  const store = openStore(undefined, home);
  try {
    await store.migrate();
    return await work(store);
  } finally {
    await store.close();
  }
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'ducha-cli-'));
  config = configFromEnv({ DUCHA_SERVER_HOME: home });
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('npm run server -- admin', () => {
  it('reads its settings from the environment', () => {
    expect(configFromEnv({})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      database: undefined,
      tls: undefined,
    });
    expect(configFromEnv({}).home).toMatch(/\.ducha-server$/);
    expect(configFromEnv({ DUCHA_SERVER_PORT: '0', DUCHA_SERVER_DATABASE: 'postgres://x/y' })).toMatchObject({
      port: 0,
      database: 'postgres://x/y',
    });
    expect(() => configFromEnv({ DUCHA_SERVER_PORT: 'eighty' })).toThrow(/port/);
    expect(() => configFromEnv({ DUCHA_SERVER_TLS_CERT: '/c.pem' })).toThrow(/both/);
    expect(configFromEnv({}).minAppVersion).toBeUndefined();
    expect(configFromEnv({ DUCHA_SERVER_MIN_APP_VERSION: '1.4.0' }).minAppVersion).toBe('1.4.0');
    expect(() => configFromEnv({ DUCHA_SERVER_MIN_APP_VERSION: 'latest' })).toThrow(/version like/);
  });

  it('adds and lists teams and people; a password is printed once or read from DUCHA_PASSWORD', async () => {
    expect((await admin('teams add 第一督查组 --id team-north')).text).toBe('Team team-north  第一督查组');
    expect((await admin('teams list')).text).toBe('team-north  第一督查组');

    const made = await admin('people add li.wei 李伟 inspector --team team-north');
    expect(made.code).toBe(0);
    const password = /shown only now\): (\S+)$/.exec(made.text)?.[1] ?? '';
    expect(password.length).toBeGreaterThanOrEqual(16);
    const given = await admin('people add city.admin 管理员 admin', { DUCHA_PASSWORD: 'given password 1' });
    expect(given.text).not.toContain('given password 1');
    await withStore(async (store) => {
      const li = await store.personByLogin('li.wei');
      expect(li).toMatchObject({ role: 'inspector', teamId: 'team-north' });
      expect(await verifyPassword(password, li?.passwordHash ?? '')).toBe(true);
      expect(
        await verifyPassword(
          'given password 1',
          (await store.personByLogin('city.admin'))?.passwordHash ?? '',
        ),
      ).toBe(true);
    });
    const list = await admin('people list');
    expect(list.text).toMatch(/li\.wei {2}inspector {2}team-north {2}李伟/);
    expect(list.text).not.toContain('scrypt');

    expect((await admin('people add x.y X inspector')).code).toBe(2); // no team
    expect((await admin('people add x.y X office --team team-north')).code).toBe(2);
    expect((await admin('people add li.wei X leader')).text).toMatch(/taken/);
    expect((await admin('people add z.z Z inspector --team nowhere')).code).toBe(1);
    expect((await admin('people add w.w W mayor')).code).toBe(1);
    expect((await admin('frobnicate')).code).toBe(2);
    expect((await admin('help')).text).toContain('enroll-code');
  });

  it('issues enrollment codes once the city has an admin, and lists and revokes devices', async () => {
    await admin('teams add North --id team-north');
    expect((await admin('enroll-code --team team-north')).text).toMatch(/no admin/);
    await admin('people add city.admin Admin admin', { DUCHA_PASSWORD: 'given password 1' });
    const issued = await admin('enroll-code --team team-north');
    const code = /Enrollment code: (\S+)/.exec(issued.text)?.[1] ?? '';
    expect(EnrollmentCodeSchema.safeParse(code).success).toBe(true);
    const { secretHash } = await import('../src/auth/secrets');
    const device = await withStore((store) =>
      store.enroll(
        secretHash(code),
        {
          id: 'device-1',
          name: 'laptop',
          teamId: null,
          publicKey: 'A'.repeat(43) + '=',
          enrolledAt: new Date().toISOString(),
          revokedAt: null,
        },
        new Date().toISOString(),
      ),
    );
    expect(device?.teamId).toBe('team-north');
    expect((await admin('devices list')).text).toMatch(/^device-1 {2}team-north {2}laptop/);
    expect((await admin('devices revoke device-1')).code).toBe(0);
    expect((await admin('devices list')).text).toMatch(/REVOKED/);
    expect((await admin('devices revoke device-9')).code).toBe(1);
  });

  it('backs up online and restores the backup under a new epoch, keeping the replaced database aside', async () => {
    await admin('teams add North --id team-north');
    const epochBefore = await withStore((store) => store.epoch());
    const file = join(home, 'backup.sqlite3');
    expect((await admin(`backup ${file}`)).text).toBe(`Backup written to ${file}`);
    await admin('teams add Later --id team-later');

    const restored = await admin(`restore ${file}`);
    expect(restored.code, restored.text).toBe(0);
    const epochAfter = /new epoch (\S+):/.exec(restored.text)?.[1];
    await withStore(async (store) => {
      expect((await store.teams()).map((t) => t.id)).toEqual(['team-north']);
      expect(await store.epoch()).toBe(epochAfter);
    });
    expect(epochAfter).not.toBe(epochBefore);
    expect(readdirSync(home).some((name) => name.includes('.before-restore-'))).toBe(true);

    expect((await admin(`restore ${join(home, 'missing.sqlite3')}`)).text).toMatch(/no file/);
    const notDb = join(home, 'notes.txt');
    (await import('node:fs')).writeFileSync(
      notDb,
      'not a database at all, just some text that is long enough to matter',
    );
    expect((await admin(`restore ${notDb}`)).text).toMatch(/not an SQLite database|damaged/);
  });

  it('on PostgreSQL, says how to back up and restore with pg_dump and pg_restore', async () => {
    const pg = { ...config, database: 'postgres://ducha@db/ducha' };
    lines = [];
    expect(await runAdmin(['backup', '/backups/city.dump'], pg, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain(
      'pg_dump --format=custom --file=/backups/city.dump "$DUCHA_SERVER_DATABASE"',
    );
    lines = [];
    expect(await runAdmin(['restore', '/backups/city.dump'], pg, (l) => lines.push(l))).toBe(0);
    expect(lines.join('\n')).toContain('pg_restore --clean --if-exists');
    expect(lines.join('\n')).toContain('admin new-epoch');
    expect(existsSync(join(home, 'ducha.sqlite3'))).toBe(false);
  });
});

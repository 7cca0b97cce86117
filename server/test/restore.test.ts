// A server restored from a backup loses what came after the backup — but the laptops still hold it.
// The epoch tells them: their next pull answers "epoch changed", they ask for the server's knowledge,
// send everything it lacks, and pull from the start. Nothing an inspector recorded is lost.
// (SQLite: `admin backup` while running, `admin restore` stopped. PostgreSQL restores with
// pg_dump/pg_restore and `admin new-epoch`, the same epoch path; its CLI half is in cli.test.ts.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../src/cli';
import type { Operation } from '../../shared/sync/operation';
import { mergedText, ReferenceLaptop } from './support/reference-client';
import { buildServerBundle, type RunningServer, startServer } from './support/server-process';

const PASSWORD = 'restore-test-password';

describe('a server restored from a backup', () => {
  let bundle = '';
  let home = '';
  let server: RunningServer | null = null;

  beforeAll(async () => {
    bundle = await buildServerBundle();
    home = mkdtempSync(join(tmpdir(), 'ducha-restore-'));
  }, 60_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  const admin = async (...args: string[]): Promise<string> => {
    const lines: string[] = [];
    const config = {
      home,
      database: undefined,
      port: 0,
      host: '127.0.0.1',
      tls: undefined,
      trustProxy: false,
    };
    const code = await runAdmin(args, config, (line) => lines.push(line), { DUCHA_PASSWORD: PASSWORD });
    if (code !== 0) throw new Error(`admin ${args.join(' ')}: ${lines.join('\n')}`);
    return lines.join('\n');
  };

  it('is told by its epoch, and the laptops send back what it lost', async () => {
    await admin('people', 'add', 'cityadmin', '市督查办管理员', 'admin');
    await admin('teams', 'add', '第一督查组', '--id', 'team-1');
    await admin('people', 'add', 'zhang', '张明', 'inspector', '--team', 'team-1');
    await admin('people', 'add', 'li', '李晓燕', 'inspector', '--team', 'team-1');
    server = await startServer(bundle, { home, database: undefined });
    const url = () => server?.url ?? '';
    const a = new ReferenceLaptop({ name: 'A', baseUrl: url });
    const b = new ReferenceLaptop({ name: 'B', baseUrl: url });
    for (const [laptop, login] of [
      [a, 'zhang'],
      [b, 'li'],
    ] as const) {
      await laptop.enroll(
        /Enrollment code: (\S+)/.exec(await admin('enroll-code', '--team', 'team-1'))?.[1] ?? '',
      );
      await laptop.signIn(login, PASSWORD);
    }
    const made: Operation[] = [];
    const edits = (laptop: ReferenceLaptop, n: number, tag: string) => {
      for (let i = 0; i < n; i += 1)
        made.push(
          laptop.edit('projects', `row-${String(i % 7)}`, i % 2 ? 'name' : 'notes', `${tag}-${String(i)}`),
        );
    };

    edits(a, 40, 'a-before');
    await a.push();
    await b.pull();
    const backup = join(home, 'backup.sqlite3');
    expect(await admin('backup', backup)).toContain('Backup written');
    const epochBefore = b.cursor?.epoch;
    expect(epochBefore).toBeTruthy();

    // After the backup: both push more, and the server acknowledges all of it.
    edits(a, 30, 'a-after');
    edits(b, 25, 'b-after');
    await a.push();
    await b.push();
    await a.pull();
    await b.pull();
    expect(a.outbox.size + b.outbox.size).toBe(0);
    expect((await a.readLog()).length).toBe(95);

    // The disk is lost; the city restores last night's backup.
    await server.stop('SIGTERM');
    expect(await admin('restore', backup)).toContain('new epoch');
    server = await startServer(bundle, { home, database: undefined });
    expect((await a.readLog()).length, 'the restored server holds only what the backup held').toBe(40);

    // Their next pulls: told of the new epoch, they send what the server lacks and start over.
    await a.pull();
    await b.pull();
    await a.pull();
    expect(a.cursorTrail, 'A was told of the restore').toContain(-1);
    expect(b.cursorTrail, 'B was told of the restore').toContain(-1);
    expect(a.cursor?.epoch).not.toBe(epochBefore);
    const log = await a.readLog();
    expect(log.length, 'every operation is back on the server, once').toBe(made.length);
    const expected = mergedText(made);
    expect(mergedText(log)).toBe(expected);
    expect(a.stateText()).toBe(expected);
    expect(b.stateText()).toBe(expected);
  }, 120_000);
});

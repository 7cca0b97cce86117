// One Ducha server for one timed run, from nothing: a fresh data folder (SQLite) or a fresh schema
// (PostgreSQL), the city's admin and teams made with the admin CLI (`npm run server -- admin …`, run
// in this process on the same data), the server bundled from the tree started as a child process on a
// free port, and laptops — the reference client — enrolled with one-time codes and signed in, as a
// laptop would be. Nothing of this is timed; the runs time what they do with it afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild } from './child.mjs';

export const BENCH_PASSWORD = 'bench-password-2026';

export class DuchaCity {
  /** The server's address, e.g. http://127.0.0.1:41234. */
  url = '';
  #kit;
  #config;
  #server = null;
  #people = 0;

  constructor(kit, config) {
    this.#kit = kit;
    this.#config = config;
  }

  /**
   * A fresh city on `backend` ({ name: 'SQLite' } or { name: 'PostgreSQL', postgres: BenchPostgres })
   * with `teams` (ids), its server started.
   */
  static async start(kit, backend, { teams, label }) {
    const home = mkdtempSync(join(tmpdir(), `ducha-bench-${label}-`));
    const database =
      backend.name === 'PostgreSQL' ? (await backend.postgres.freshSchema(label)).url : undefined;
    const city = new DuchaCity(kit, {
      home,
      database,
      port: 0,
      host: '127.0.0.1',
      tls: undefined,
      trustProxy: false,
    });
    await city.admin('people', 'add', 'bench-admin', 'Bench admin', 'admin');
    for (const team of teams) await city.admin('teams', 'add', `督查组 ${team}`, '--id', team);
    await city.#startServer();
    return city;
  }

  get home() {
    return this.#config.home;
  }

  /** The SQLite file (null on PostgreSQL). */
  get sqliteFile() {
    return this.#config.database ? null : join(this.#config.home, 'ducha.sqlite3');
  }

  /** The server's process id, to measure its CPU. */
  get serverPid() {
    return this.#server?.pid ?? null;
  }

  /** The PostgreSQL URL with the run's schema as search path (null on SQLite). */
  get postgresUrl() {
    return this.#config.database ?? null;
  }

  /** Runs an admin command on the city's data; resolves with what it printed, throws when it fails. */
  async admin(...args) {
    const lines = [];
    const code = await this.#kit.runAdmin(args, this.#config, (line) => lines.push(line), {
      DUCHA_PASSWORD: BENCH_PASSWORD,
    });
    if (code !== 0) throw new Error(`admin ${args.join(' ')} failed (${code}):\n${lines.join('\n')}`);
    return lines.join('\n');
  }

  /** A laptop of `teamId`: an inspector of its own, the laptop enrolled with a fresh code and signed in. */
  async laptop(teamId, name, options = {}) {
    const login = `inspector-${++this.#people}`;
    await this.admin('people', 'add', login, `督查员 ${this.#people}`, 'inspector', '--team', teamId);
    const printed = await this.admin('enroll-code', '--team', teamId);
    const code = /Enrollment code: (\S+)/.exec(printed)?.[1];
    if (!code) throw new Error(`no enrollment code in: ${printed}`);
    const laptop = new this.#kit.ReferenceLaptop({ name, baseUrl: () => this.url, ...options });
    await laptop.enroll(code);
    await laptop.signIn(login, BENCH_PASSWORD);
    return laptop;
  }

  async #startServer() {
    const started = await startChild(this.#kit.serverFile, {
      label: 'the Ducha server',
      ready: /Ducha server listening on (\S+)/,
      env: {
        DUCHA_SERVER_HOME: this.#config.home,
        DUCHA_SERVER_PORT: '0',
        DUCHA_SERVER_HOST: '127.0.0.1',
        DUCHA_SERVER_DATABASE: this.#config.database ?? '',
        // As it runs for a city: one log line per request and per reply (read and dropped by the bench).
        DUCHA_SERVER_LOG_LEVEL: 'info',
      },
    });
    this.#server = started;
    this.url = started.match[1];
  }

  /** Stops the server as its operator would (SIGTERM: requests in flight finish, the store closes). */
  async stop() {
    await this.#server?.stop('SIGTERM');
    this.#server = null;
  }

  /** Stops the server if it runs and removes the data folder (the PostgreSQL schema goes with the bench's database). */
  async remove() {
    await this.stop();
    rmSync(this.#config.home, { recursive: true, force: true });
  }
}

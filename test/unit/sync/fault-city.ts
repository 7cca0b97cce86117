// The server side of the laptops' fault run: a real server process on a fresh database of the backend
// (SQLite, or PostgreSQL at DUCHA_TEST_PG), its team and people made with the admin CLI as an admin
// would, a fault proxy of the server tests' own in front of it, and SIGKILL and restart on the same
// data. The laptops reach the server only through the proxy once the run has begun.
import { runAdmin } from '../../../server/src/cli';
import type { StoreBackend } from '../../../server/test/support/backends';
import { FaultProxy, type FaultRates } from '../../../server/test/support/fault-proxy';
import type { Random } from '../../../server/test/support/random';
import { type RunningServer, startServer } from '../../../server/test/support/server-process';

export const FAULT_PASSWORD = 'laptop-fault-password';

export class FaultCity {
  private server: RunningServer;
  kills = 0;

  private constructor(
    private readonly bundle: string,
    private readonly home: string,
    private readonly database: string | undefined,
    server: RunningServer,
    readonly proxy: FaultProxy,
  ) {
    this.server = server;
  }

  /** A fresh database of `backend` with `teamId` in it, the server started on it, the proxy in front. */
  static async start(
    bundle: string,
    backend: StoreBackend,
    teamId: string,
    random: Random,
    rates: FaultRates,
  ): Promise<FaultCity> {
    const fresh = await backend.fresh();
    await fresh.store.close();
    const city = { home: fresh.home, database: fresh.databaseSetting };
    await admin(city, 'people', 'add', 'cityadmin', '市督查办管理员', 'admin');
    await admin(city, 'teams', 'add', '第一督查组', '--id', teamId);
    const server = await startServer(bundle, city);
    // The proxy asks for the server's port on every connection: a restarted server has a new one.
    let current: FaultCity | null = null;
    const proxy = new FaultProxy(() => current?.server.port ?? server.port, random, rates);
    await proxy.start();
    current = new FaultCity(bundle, city.home, city.database, server, proxy);
    return current;
  }

  /** The address laptops are enrolled with: the proxy's, so every later request meets the faults. */
  get url(): string {
    return `http://127.0.0.1:${String(this.proxy.port)}`;
  }

  /** An inspector of the team (password FAULT_PASSWORD) and a one-time enrollment code for a laptop. */
  async inspectorWithCode(login: string, name: string, teamId: string): Promise<string> {
    const city = { home: this.home, database: this.database };
    await admin(city, 'people', 'add', login, name, 'inspector', '--team', teamId);
    const printed = await admin(city, 'enroll-code', '--team', teamId);
    const code = /Enrollment code: (\S+)/.exec(printed)?.[1];
    if (!code) throw new Error(`no enrollment code in: ${printed}`);
    return code;
  }

  /** SIGKILL, as a power cut of the server's machine, and a start on the same data after `downMs`. */
  async killAndRestart(downMs: number): Promise<void> {
    await this.server.stop('SIGKILL');
    this.kills += 1;
    await new Promise((resolve) => setTimeout(resolve, downMs));
    this.server = await startServer(this.bundle, { home: this.home, database: this.database });
  }

  async stop(): Promise<void> {
    await this.proxy.stop();
    await this.server.stop('SIGKILL');
  }
}

async function admin(
  city: { home: string; database: string | undefined },
  ...args: string[]
): Promise<string> {
  const lines: string[] = [];
  const config = {
    ...city,
    port: 0,
    host: '127.0.0.1',
    tls: undefined,
    trustProxy: false,
    minAppVersion: undefined,
  };
  const code = await runAdmin(args, config, (line) => lines.push(line), { DUCHA_PASSWORD: FAULT_PASSWORD });
  if (code !== 0) throw new Error(`admin ${args.join(' ')}: ${lines.join('\n')}`);
  return lines.join('\n');
}

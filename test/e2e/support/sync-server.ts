// A real Ducha server for the sync specs: bundled from the tree as `npm run server` runs it, started as
// a child process on a fresh SQLite home, its city made with the admin CLI (admin, a team, inspectors
// with passwords), and one-time enrollment codes printed by the CLI as an admin would read them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildServerBundle,
  type RunningServer,
  startServer,
} from '../../../server/test/support/server-process';

export const TEAM_ID = 'team-pu-er-1';
export const TEAM_NAME = '普洱市第一督查组';
export const SYNC_PASSWORD = 'e2e-password-2026';

export class SyncServer {
  private constructor(
    private readonly bundle: string,
    readonly home: string,
    private server: RunningServer,
  ) {}

  static async start(): Promise<SyncServer> {
    const bundle = await buildServerBundle();
    const home = mkdtempSync(join(tmpdir(), 'ducha-e2e-server-'));
    const city = (...args: string[]) => admin(bundle, home, args);
    city('people', 'add', 'admin', '管理员', 'admin');
    city('teams', 'add', TEAM_NAME, '--id', TEAM_ID);
    const server = await startServer(bundle, { home, database: undefined });
    return new SyncServer(bundle, home, server);
  }

  get url(): string {
    return this.server.url;
  }

  /** An inspector of the team with the spec's password. */
  addInspector(login: string, name: string): void {
    admin(this.bundle, this.home, ['people', 'add', login, name, 'inspector', '--team', TEAM_ID]);
  }

  /** Another team (督查组) of the city. */
  addTeam(id: string, name: string): void {
    admin(this.bundle, this.home, ['teams', 'add', name, '--id', id]);
  }

  /** A person with the spec's password: an inspector of `team`, or the office or a leader (no team). */
  addPerson(login: string, name: string, role: 'inspector' | 'office' | 'leader', team?: string): void {
    admin(this.bundle, this.home, ['people', 'add', login, name, role, ...(team ? ['--team', team] : [])]);
  }

  /**
   * A one-time enrollment code, as the CLI prints it: for a laptop of the team (by default the first
   * team), or with null for a laptop of the city office (every team).
   */
  enrollmentCode(team: string | null = TEAM_ID): string {
    const printed = admin(this.bundle, this.home, ['enroll-code', ...(team ? ['--team', team] : [])]);
    const code = /Enrollment code: (\S+)/.exec(printed)?.[1];
    if (!code) throw new Error(`no enrollment code in: ${printed}`);
    return code;
  }

  /** Kills the server hard, as a crash or a pulled plug would; it stays down until startAgain. */
  async kill(): Promise<void> {
    await this.server.stop('SIGKILL');
  }

  /** Starts it again on the same data and the same port (the laptops keep the address). */
  async startAgain(): Promise<void> {
    this.server = await startServer(this.bundle, {
      home: this.home,
      database: undefined,
      port: this.server.port,
    });
  }

  async stop(): Promise<void> {
    await this.server.stop('SIGTERM');
    rmSync(this.home, { recursive: true, force: true });
  }
}

function admin(bundle: string, home: string, args: readonly string[]): string {
  const result = spawnSync(process.execPath, [bundle, 'admin', ...args], {
    env: {
      ...process.env,
      DUCHA_SERVER_HOME: home,
      DUCHA_SERVER_DATABASE: '',
      DUCHA_PASSWORD: SYNC_PASSWORD,
    },
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`admin ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

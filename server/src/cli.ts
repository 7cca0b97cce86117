// `npm run server -- admin <command>`: the admin's work on the same data, with the server stopped or
// running (SQLite's WAL lets both in; restore needs it stopped). Prints to `out`; returns the exit code.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { LoginSchema, PasswordSchema, RoleSchema, TeamSchema } from '../../shared/sync/protocol';
import { hashPassword } from './auth/password';
import { newCode, secretHash } from './auth/secrets';
import type { ServerConfig } from './config';
import { ENROLLMENT_CODE_MS } from './http/device-routes';
import { openStore } from './store/open-store';
import { restoreSqlite } from './restore-sqlite';
import type { Store } from './store/store';

export const ADMIN_HELP = `Usage: npm run server -- admin <command>
  teams add <name> [--id <id>]          create a team (督查组)
  teams list
  people add <login> <name> <role> [--team <id>]
                                        role: admin, office, inspector (needs --team) or leader;
                                        the password is DUCHA_PASSWORD, or a new one is printed
  people list
  enroll-code [--team <id>]             a one-time code to enroll a laptop (none: a city office laptop)
  devices list
  devices revoke <deviceId>
  backup <file>                         SQLite: an online backup; PostgreSQL: prints the pg_dump command
  restore <file>                        SQLite, server stopped: puts the backup in place, new epoch
  new-epoch                             after restoring PostgreSQL with pg_restore`;

class UsageError extends Error {}

type Out = (line: string) => void;

export async function runAdmin(
  args: readonly string[],
  config: ServerConfig,
  out: Out,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { team: { type: 'string' }, id: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    out(`${error instanceof Error ? error.message : String(error)}\n${ADMIN_HELP}`);
    return 2;
  }
  const [command = 'help', ...rest] = parsed.positionals;
  const words =
    command === 'teams' || command === 'people' || command === 'devices'
      ? [command, rest.shift()]
      : [command];
  const name = words.join(' ');
  if (name === 'help' || name === '--help') {
    out(ADMIN_HELP);
    return 0;
  }
  if (name === 'restore') return restore(rest, config, out);
  if (name === 'backup' && config.database) {
    // PostgreSQL's own tool makes a consistent dump; the server needs no connection to say how.
    out('PostgreSQL: back up with pg_dump, for example');
    out(`  pg_dump --format=custom --file=${rest[0] ?? 'ducha.dump'} "$DUCHA_SERVER_DATABASE"`);
    return 0;
  }

  const store = openStore(config.database, config.home);
  try {
    await store.migrate();
    const ctx = { store, out, rest, team: parsed.values.team ?? null, id: parsed.values.id, config, env };
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command: ${name}`);
    await command(ctx);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      out(`${error.message}\n${ADMIN_HELP}`);
      return 2;
    }
    out(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await store.close();
  }
}

interface CommandContext {
  readonly store: Store;
  readonly out: Out;
  readonly rest: readonly string[];
  readonly team: string | null;
  readonly id: string | undefined;
  readonly config: ServerConfig;
  readonly env: NodeJS.ProcessEnv;
}

function positional(ctx: CommandContext, index: number, what: string): string {
  const value = ctx.rest[index];
  if (value === undefined) throw new UsageError(`missing ${what}`);
  return value;
}

async function requireTeam(store: Store, teamId: string | null): Promise<void> {
  if (teamId !== null && !(await store.teams()).some((t) => t.id === teamId)) {
    throw new Error(`no team ${teamId} (see: teams list)`);
  }
}

const COMMANDS: Record<string, (ctx: CommandContext) => Promise<void>> = {
  'teams add': async (ctx) => {
    const team = TeamSchema.parse({ id: ctx.id ?? uuidv7(), name: positional(ctx, 0, 'the team name') });
    await ctx.store.createTeam(team);
    ctx.out(`Team ${team.id}  ${team.name}`);
  },

  'teams list': async (ctx) => {
    const teams = await ctx.store.teams();
    for (const team of teams) ctx.out(`${team.id}  ${team.name}`);
    if (teams.length === 0) ctx.out('No teams yet: teams add <name>');
  },

  'people add': async (ctx) => {
    const login = LoginSchema.parse(positional(ctx, 0, 'the login'));
    const name = positional(ctx, 1, 'the name');
    const role = RoleSchema.parse(positional(ctx, 2, 'the role'));
    if ((role === 'inspector') !== (ctx.team !== null)) {
      throw new UsageError('an inspector needs --team <id>; admin, office and leaders take no team');
    }
    await requireTeam(ctx.store, ctx.team);
    if (await ctx.store.personByLogin(login)) throw new Error(`login ${login} is taken`);
    const given = ctx.env.DUCHA_PASSWORD;
    const password = given ? PasswordSchema.parse(given) : randomBytes(12).toString('base64url');
    const id = ctx.id ?? uuidv7();
    await ctx.store.createPerson({
      id,
      login,
      name,
      role,
      teamId: ctx.team,
      passwordHash: await hashPassword(password),
    });
    ctx.out(`Person ${id}  ${login}  ${role}${ctx.team ? `  team ${ctx.team}` : ''}`);
    if (!given) ctx.out(`One-time password (give it to ${name}; shown only now): ${password}`);
  },

  'people list': async (ctx) => {
    for (const p of await ctx.store.people()) {
      ctx.out(
        `${p.id}  ${p.login}  ${p.role}  ${p.teamId ?? '-'}  ${p.name}${p.disabled ? '  (disabled)' : ''}`,
      );
    }
  },

  'enroll-code': async (ctx) => {
    await requireTeam(ctx.store, ctx.team);
    // A code records who issued it: the city's first active admin stands for the CLI.
    const admin = (await ctx.store.people()).find((p) => p.role === 'admin' && !p.disabled);
    if (!admin)
      throw new Error('the city has no admin yet: use the setup code, or people add <login> <name> admin');
    const code = newCode();
    const now = Date.now();
    const expiresAt = new Date(now + ENROLLMENT_CODE_MS).toISOString();
    await ctx.store.createEnrollmentCode({
      codeHash: secretHash(code),
      teamId: ctx.team,
      createdBy: admin.id,
      createdAt: new Date(now).toISOString(),
      expiresAt,
      usedAt: null,
    });
    ctx.out(
      `Enrollment code: ${code}  (${ctx.team ? `team ${ctx.team}` : 'city office'}; one use; until ${expiresAt})`,
    );
  },

  'devices list': async (ctx) => {
    for (const d of await ctx.store.devices()) {
      ctx.out(
        `${d.id}  ${d.teamId ?? 'office'}  ${d.name}  enrolled ${d.enrolledAt}${d.revokedAt ? `  REVOKED ${d.revokedAt}` : ''}`,
      );
    }
  },

  'devices revoke': async (ctx) => {
    const id = positional(ctx, 0, 'the device id');
    if (!(await ctx.store.deviceById(id))) throw new Error(`no device ${id} (see: devices list)`);
    await ctx.store.revokeDevice(id, new Date().toISOString());
    ctx.out(`Revoked ${id}: its later pushes are refused; what it pushed stays.`);
  },

  backup: async (ctx) => {
    const file = positional(ctx, 0, 'the backup file');
    await ctx.store.backup(file);
    ctx.out(`Backup written to ${file}`);
  },

  'new-epoch': async (ctx) => {
    ctx.out(`New epoch ${await ctx.store.newEpoch()}: laptops will re-send what this database lacks.`);
  },
};

async function restore(rest: readonly string[], config: ServerConfig, out: Out): Promise<number> {
  const file = rest[0];
  if (!file) {
    out(`missing the backup file\n${ADMIN_HELP}`);
    return 2;
  }
  if (config.database) {
    out('PostgreSQL: restore with pg_restore, then start a new epoch, for example');
    out(`  pg_restore --clean --if-exists --dbname="$DUCHA_SERVER_DATABASE" ${file}`);
    out('  npm run server -- admin new-epoch');
    return 0;
  }
  try {
    const epoch = await restoreSqlite(file, config.home);
    out(`Restored ${file}; new epoch ${epoch}: laptops will re-send what the backup lacks.`);
    return 0;
  } catch (error) {
    out(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

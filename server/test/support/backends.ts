// The databases every storage test runs on: SQLite in a temporary folder and PostgreSQL at
// DUCHA_TEST_PG (`.ci/postgres.sh` starts one and prints its URL). A test file gets a database of its
// own (PostgreSQL: `CREATE DATABASE ducha_t_<random>`, dropped after), and each fresh store inside it a
// place of its own (SQLite: a folder; PostgreSQL: a schema, named in the URL's search_path).
// Without DUCHA_TEST_PG the PostgreSQL half is skipped with a printed reason, except in CI, where it fails.
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openStore, SQLITE_FILE_NAME } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

export interface FreshStore {
  readonly store: Store;
  /** What openStore takes to open this database again (undefined = the SQLite file in `home`). */
  readonly databaseSetting: string | undefined;
  /** The server's data folder (SQLite's file is there; blobs may go there too). */
  readonly home: string;
  /** Opens the same database again, migrated, as a restarted server would. */
  reopen(): Promise<Store>;
}

export interface StoreBackend {
  readonly name: 'SQLite' | 'PostgreSQL';
  /** The database of the test file; call from beforeAll. */
  setUp(): Promise<void>;
  /** Closes every store this backend opened and removes the database; call from afterAll. */
  tearDown(): Promise<void>;
  /** An empty, migrated store of its own. */
  fresh(): Promise<FreshStore>;
  /** A database of its own with no schema at all, and raw SQL into it (to build an old schema by hand). */
  blank(): Promise<BlankDatabase>;
}

export interface BlankDatabase {
  readonly databaseSetting: string | undefined;
  readonly home: string;
  exec(sql: string): Promise<void>;
  /** Raw rows of a query. */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
  /** Opens it as the server does (migrating it to the latest schema). */
  open(): Promise<Store>;
}

const suffix = (): string => randomBytes(6).toString('hex');

abstract class BaseBackend {
  protected readonly opened: Store[] = [];
  protected root = '';
  private count = 0;

  protected nextName(): string {
    this.count += 1;
    return `s${this.count}`;
  }

  protected async track(store: Store): Promise<Store> {
    this.opened.push(store);
    await store.migrate();
    return store;
  }

  protected async closeAll(): Promise<void> {
    // A test may have closed its store already; closing twice must not fail the teardown.
    await Promise.allSettled(this.opened.splice(0).map((store) => store.close()));
  }
}

class SqliteBackend extends BaseBackend implements StoreBackend {
  readonly name = 'SQLite' as const;

  setUp(): Promise<void> {
    this.root = mkdtempSync(join(tmpdir(), 'ducha-store-'));
    return Promise.resolve();
  }

  async tearDown(): Promise<void> {
    await this.closeAll();
    if (this.root) rmSync(this.root, { recursive: true, force: true });
  }

  async fresh(): Promise<FreshStore> {
    const home = join(this.root, this.nextName());
    const store = await this.track(openStore(undefined, home));
    return { store, databaseSetting: undefined, home, reopen: () => this.track(openStore(undefined, home)) };
  }

  blank(): Promise<BlankDatabase> {
    const home = join(this.root, this.nextName());
    mkdirSync(home, { recursive: true });
    const db = new Database(join(home, SQLITE_FILE_NAME));
    return Promise.resolve({
      databaseSetting: undefined,
      home,
      exec: (sql) => Promise.resolve(void db.exec(sql)),
      rows: (sql) => Promise.resolve(db.prepare(sql).all() as Record<string, unknown>[]),
      close: () => Promise.resolve(void db.close()),
      open: () => this.track(openStore(undefined, home)),
    });
  }
}

class PostgresBackend extends BaseBackend implements StoreBackend {
  readonly name = 'PostgreSQL' as const;
  private database = '';
  private databaseUrl = '';

  constructor(private readonly adminUrl: string) {
    super();
  }

  async setUp(): Promise<void> {
    this.database = `ducha_t_${suffix()}`;
    await this.admin(`CREATE DATABASE ${this.database}`);
    const url = new URL(this.adminUrl);
    url.pathname = `/${this.database}`;
    this.databaseUrl = url.toString();
    this.root = mkdtempSync(join(tmpdir(), 'ducha-store-pg-'));
  }

  async tearDown(): Promise<void> {
    await this.closeAll();
    // FORCE: a connection a failed test left open must not keep the database alive. FORCE refuses when
    // an autovacuum worker is in the database (it runs as the cluster's superuser, which the test's role
    // may not end), common after the fault runs' writes; a plain DROP ends autovacuum workers itself.
    if (this.database) {
      await this.admin(`DROP DATABASE IF EXISTS ${this.database} WITH (FORCE)`).catch(() =>
        this.admin(`DROP DATABASE IF EXISTS ${this.database}`),
      );
    }
    if (this.root) rmSync(this.root, { recursive: true, force: true });
  }

  async fresh(): Promise<FreshStore> {
    const schema = this.nextName();
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA ${schema}`);
    } finally {
      await client.end();
    }
    const url = new URL(this.databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const setting = url.toString();
    const home = join(this.root, schema);
    const store = await this.track(openStore(setting, home));
    return { store, databaseSetting: setting, home, reopen: () => this.track(openStore(setting, home)) };
  }

  async blank(): Promise<BlankDatabase> {
    const schema = this.nextName();
    const url = new URL(this.databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const setting = url.toString();
    const client = new pg.Client({ connectionString: setting });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    const home = join(this.root, schema);
    return {
      databaseSetting: setting,
      home,
      exec: async (sql) => void (await client.query(sql)),
      rows: async (sql) => (await client.query<Record<string, unknown>>(sql)).rows,
      close: () => client.end(),
      open: () => this.track(openStore(setting, home)),
    };
  }

  private async admin(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

/** Why PostgreSQL cannot be tested here, or null when DUCHA_TEST_PG names one. */
export function postgresMissing(): string | null {
  return process.env.DUCHA_TEST_PG
    ? null
    : 'DUCHA_TEST_PG is unset: start PostgreSQL with .ci/postgres.sh and export the URL it prints';
}

/** Stands for PostgreSQL in CI when it is missing: setting it up fails with the reason. */
class MissingPostgres implements StoreBackend {
  readonly name = 'PostgreSQL' as const;
  constructor(private readonly reason: string) {}
  setUp(): Promise<void> {
    return Promise.reject(new Error(`CI must test PostgreSQL: ${this.reason}`));
  }
  tearDown(): Promise<void> {
    return Promise.resolve();
  }
  fresh(): Promise<FreshStore> {
    return Promise.reject(new Error(this.reason));
  }
  blank(): Promise<BlankDatabase> {
    return Promise.reject(new Error(this.reason));
  }
}

export const sqliteBackend = (): StoreBackend => new SqliteBackend();

/** PostgreSQL at DUCHA_TEST_PG; in CI without it, a backend whose setUp fails. Null: skip it. */
export function postgresBackend(): StoreBackend | null {
  const url = process.env.DUCHA_TEST_PG;
  if (url) return new PostgresBackend(url);
  const reason = postgresMissing() ?? 'no PostgreSQL';
  return process.env.CI ? new MissingPostgres(reason) : null;
}

/**
 * Runs `body` once per backend, in a describe of its own, with the backend set up before and torn
 * down after. The PostgreSQL half without DUCHA_TEST_PG: skipped with the reason printed, except in CI
 * (where `CI` is set): there its setUp fails, so a CI run cannot pass without having tested PostgreSQL.
 */
export function describeEachBackend(title: string, body: (backend: StoreBackend) => void): void {
  const postgres = postgresBackend();
  const backends: StoreBackend[] = [sqliteBackend()];
  if (postgres) backends.push(postgres);
  else {
    const reason = postgresMissing() ?? '';
    console.warn(`[${title}] PostgreSQL skipped: ${reason}`);
    describe.skip(`${title} on PostgreSQL (${reason})`, () => body(new MissingPostgres(reason)));
  }
  describe.each(backends)(`${title} on $name`, (backend) => {
    beforeAll(() => backend.setUp());
    afterAll(() => backend.tearDown());
    body(backend);
  });
}

// PostgreSQL for the bench, when DUCHA_TEST_PG names a server (`.ci/postgres.sh` starts one and prints
// its URL): a fresh database made for this run and dropped at its end, and in it a fresh schema for
// every server started (named in the URL's search_path, as the store tests do), so no run finds the
// rows of another.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export class BenchPostgres {
  #adminUrl;
  #databaseUrl = '';
  #database = '';
  #schemas = 0;

  constructor(adminUrl) {
    this.#adminUrl = adminUrl;
  }

  /** The bench's database (its backends' command lines name it). */
  get name() {
    return this.#database;
  }

  /** The admin URL (from DUCHA_TEST_PG) with its password hidden, for the printed settings. */
  get where() {
    const url = new URL(this.#adminUrl);
    if (url.password) url.password = '***';
    return url.toString();
  }

  async create() {
    this.#database = `ducha_bench_${randomBytes(5).toString('hex')}`;
    await this.#admin(`CREATE DATABASE ${this.#database}`);
    const url = new URL(this.#adminUrl);
    url.pathname = `/${this.#database}`;
    this.#databaseUrl = url.toString();
  }

  async drop() {
    if (!this.#database) return;
    // FORCE: a server the bench had to kill may have left a connection open. FORCE refuses when an
    // autovacuum worker is in the database (it runs as the cluster's superuser, which the bench's role
    // may not end) — common after 100,000 inserts; a plain DROP ends autovacuum workers itself.
    await this.#admin(`DROP DATABASE IF EXISTS ${this.#database} WITH (FORCE)`).catch(() =>
      this.#admin(`DROP DATABASE IF EXISTS ${this.#database}`),
    );
  }

  /** A new empty schema; resolves with the URL that makes it the search path, as DUCHA_SERVER_DATABASE takes it. */
  async freshSchema(label) {
    const schema = `${label}_${++this.#schemas}`;
    await this.query(`CREATE SCHEMA ${schema}`);
    const url = new URL(this.#databaseUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    return { schema, url: url.toString() };
  }

  /** One query in the bench's database (a connection of its own). */
  async query(sql, params) {
    const client = await this.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  /** A connected client in the bench's database, or with `url` in one of its schemas; the caller ends it. */
  async connect(url = this.#databaseUrl) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }

  async #admin(sql) {
    const client = new pg.Client({ connectionString: this.#adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}

// The baseline of target 2: the rows a push wrote, read back from the server's database after it
// stopped, and written again straight into an empty database of the same schema, in one transaction —
// better-sqlite3 with the server's own pragmas (WAL, synchronous=FULL, foreign keys), or PostgreSQL
// with multi-row INSERTs. The rows that only make the city (team, people, device) go in first, untimed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** The tables a push writes, in an order their foreign keys allow. */
export const LOG_TABLES = ['pushes', 'operations', 'merged_rows', 'team_knowledge', 'team_counters'];
/** What those rows refer to. */
const CITY_TABLES = ['teams', 'people', 'devices'];
/** PostgreSQL allows 65,535 parameters per statement: rows per INSERT stay below it for 11 columns. */
const PG_ROWS_PER_INSERT = 5000;

/** Every row of the city's and the log's tables, from the server's SQLite file or PostgreSQL schema. */
export async function readWrittenRows(city, postgres) {
  const rows = {};
  if (city.sqliteFile) {
    const db = new Database(city.sqliteFile, { readonly: true });
    try {
      for (const table of [...CITY_TABLES, ...LOG_TABLES])
        rows[table] = db.prepare(`SELECT * FROM ${table}`).all();
    } finally {
      db.close();
    }
    return rows;
  }
  const client = await postgres.connect(city.postgresUrl);
  try {
    for (const table of [...CITY_TABLES, ...LOG_TABLES])
      rows[table] = (await client.query(`SELECT * FROM ${table}`)).rows;
  } finally {
    await client.end();
  }
  return rows;
}

/** SQLite: resolves with the ms of the one transaction that writes the log's rows. */
export function bareSqlite(kit, rows) {
  const folder = mkdtempSync(join(tmpdir(), 'ducha-bench-bare-sqlite-'));
  const db = new Database(join(folder, 'bare.sqlite3'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    for (const migration of kit.SQLITE_MIGRATIONS) db.exec(migration.sql);
    const insertAll = (table) => {
      const list = rows[table];
      if (list.length === 0) return;
      const columns = Object.keys(list[0]);
      const insert = db.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of list) insert.run(row);
    };
    db.transaction(() => CITY_TABLES.forEach(insertAll))();

    const started = performance.now();
    db.transaction(() => LOG_TABLES.forEach(insertAll)).immediate();
    const elapsed = performance.now() - started;

    const stored = db.prepare('SELECT count(*) AS n FROM operations').get().n;
    if (stored !== rows.operations.length)
      throw new Error(`bare SQLite stored ${stored} of ${rows.operations.length}`);
    return elapsed;
  } finally {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

/** PostgreSQL: resolves with the ms of BEGIN … multi-row INSERTs … COMMIT, in a fresh schema. */
export async function barePostgres(kit, rows, postgres) {
  const { url } = await postgres.freshSchema('bare');
  const client = await postgres.connect(url);
  try {
    for (const migration of kit.POSTGRES_MIGRATIONS) await client.query(migration.sql);
    const insertAll = async (table) => {
      const list = rows[table];
      if (list.length === 0) return;
      const columns = Object.keys(list[0]);
      for (let from = 0; from < list.length; from += PG_ROWS_PER_INSERT) {
        const chunk = list.slice(from, from + PG_ROWS_PER_INSERT);
        const values = [];
        const tuples = chunk.map((row) => {
          const marks = columns.map((column) => {
            values.push(row[column]);
            return `$${values.length}`;
          });
          return `(${marks.join(', ')})`;
        });
        await client.query(
          // The server's ids of pushes are generated ALWAYS; here they are copied as they were.
          `INSERT INTO ${table} (${columns.join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`,
          values,
        );
      }
    };
    for (const table of CITY_TABLES) await insertAll(table);

    const started = performance.now();
    await client.query('BEGIN');
    for (const table of LOG_TABLES) await insertAll(table);
    await client.query('COMMIT');
    const elapsed = performance.now() - started;

    const stored = Number((await client.query('SELECT count(*) AS n FROM operations')).rows[0].n);
    if (stored !== rows.operations.length)
      throw new Error(`bare PostgreSQL stored ${stored} of ${rows.operations.length}`);
    return elapsed;
  } finally {
    await client.end();
  }
}

// Chooses the store from the server's database setting (DUCHA_SERVER_DATABASE): a PostgreSQL URL, or
// nothing for the embedded SQLite file in the server's data folder. The caller runs migrate() before use.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

export const SQLITE_FILE_NAME = 'ducha.sqlite3';

export const isPostgresUrl = (setting: string): boolean => /^postgres(?:ql)?:\/\//i.test(setting);

export function openStore(databaseSetting: string | undefined, home: string): Store {
  const setting = databaseSetting?.trim();
  if (setting) {
    if (isPostgresUrl(setting)) return new PostgresStore(setting);
    throw new Error('DUCHA_SERVER_DATABASE must be a postgres:// or postgresql:// URL (unset it for SQLite)');
  }
  // 0700: the database holds password hashes and the audit of who pushed what.
  mkdirSync(home, { recursive: true, mode: 0o700 });
  return new SqliteStore(join(home, SQLITE_FILE_NAME));
}

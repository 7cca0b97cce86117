// `admin restore <file>` on SQLite: checks the backup, keeps the current database aside, puts the
// backup in its place and starts a new epoch, so every laptop re-sends what the backup lacks.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, SQLITE_FILE_NAME } from './store/open-store';
import { runningServer } from './server-lock';

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function checkBackup(file: string): void {
  if (!existsSync(file)) throw new Error(`no file ${file}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged: ${String(check)}`);
    const settings = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'settings'")
      .get();
    if (!settings) throw new Error(`${file} is not a Ducha server database`);
  } catch (error) {
    if (error instanceof Error && /not a database|file is not/i.test(error.message)) {
      throw new Error(`${file} is not an SQLite database`, { cause: error });
    }
    throw error;
  } finally {
    db?.close();
  }
}

/** Returns the new epoch. */
export async function restoreSqlite(file: string, home: string): Promise<string> {
  const pid = runningServer(home);
  if (pid !== null) throw new Error(`the server (process ${String(pid)}) is running: stop it first`);
  checkBackup(file);
  const live = join(home, SQLITE_FILE_NAME);
  const incoming = `${live}.restoring`;
  copyFileSync(file, incoming);
  fsyncPath(incoming);
  // The current database (and its WAL, which must never meet the restored file) stays, renamed.
  if (existsSync(live)) {
    const aside = `${live}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) {
      if (existsSync(live + suffix)) renameSync(live + suffix, aside + suffix);
    }
  }
  renameSync(incoming, live);
  fsyncPath(dirname(live));
  const store = openStore(undefined, home);
  try {
    await store.migrate();
    return await store.newEpoch();
  } finally {
    await store.close();
  }
}

// Opening the database, and telling the user in plain words when it cannot be opened.
import { deviceNodeId, ensureDevice } from './device-clock';
import { LATEST_VERSION } from './migrations';
import { createDatabase, DATABASE_NAME, type DuchaDatabase } from './database';

export type OpenFailureKind = 'newerVersion' | 'quota' | 'unavailable' | 'unknown';

export interface OpenFailure {
  kind: OpenFailureKind;
  detail: string;
}

export type OpenResult = { ok: true; db: DuchaDatabase } | { ok: false; failure: OpenFailure };

interface NamedError {
  name?: string;
  message?: string;
  inner?: NamedError;
}

/** Dexie wraps the browser's error in OpenFailedError; classify by the innermost name. */
export function classifyOpenError(error: unknown): OpenFailure {
  let e = error as NamedError | undefined;
  const names: string[] = [];
  while (e) {
    if (e.name) names.push(e.name);
    e = e.inner;
  }
  const detail = names.length
    ? `${names.join(' ← ')}: ${(error as NamedError).message ?? ''}`
    : String(error);
  const has = (n: string) => names.includes(n);
  if (has('VersionError')) return { kind: 'newerVersion', detail };
  if (has('QuotaExceededError')) return { kind: 'quota', detail };
  if (has('MissingAPIError') || has('SecurityError') || has('InvalidStateError') || has('NotAllowedError'))
    return { kind: 'unavailable', detail };
  return { kind: 'unknown', detail };
}

export interface OpenHooks {
  /** Another window holds an older version open and blocks the upgrade; opening waits until it closes. */
  onBlocked?: () => void;
  /** Another window upgraded the database; this one was closed and must reload. */
  onReplaced?: () => void;
  /**
   * Called with the database before it has opened, to start reads: Dexie holds them until it is open
   * and sends them at once then, ahead of the checks that follow (a newer schema, the device identity
   * that only writes need). Reads only — writes wait for the open's result.
   */
  startReads?: (db: DuchaDatabase) => void;
}

export async function openDatabase(hooks: OpenHooks = {}, name: string = DATABASE_NAME): Promise<OpenResult> {
  const db = createDatabase(name);
  db.on('blocked', () => hooks.onBlocked?.());
  db.on('versionchange', () => {
    db.close();
    hooks.onReplaced?.();
    return false;
  });
  // The device identity exists after the first start, and a read confirms it without a read-write
  // transaction (and its commit to disk) on every start. Asked before the database has opened, it is
  // among the first reads sent, ahead of the first screen's larger ones, which the open does not wait for.
  const device = deviceNodeId(db).catch(() => null);
  hooks.startReads?.(db);
  try {
    await db.open();
    // Dexie 4 silently opens a database that a newer Ducha upgraded. Its rows may have shapes this
    // version does not know, and writing to them could lose data, so refuse instead.
    const installed = db.backendDB().version / 10;
    if (installed > LATEST_VERSION) {
      db.close();
      return {
        ok: false,
        failure: {
          kind: 'newerVersion',
          detail: `stored schema ${installed}, this Ducha knows up to ${LATEST_VERSION}`,
        },
      };
    }
    if ((await device) === null) await ensureDevice(db);
    return { ok: true, db };
  } catch (error) {
    return { ok: false, failure: classifyOpenError(error) };
  }
}

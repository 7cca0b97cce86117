// Opening the database, and telling the user in plain words when it cannot be opened.
import { ensureDevice } from './device-clock';
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
}

export async function openDatabase(hooks: OpenHooks = {}, name: string = DATABASE_NAME): Promise<OpenResult> {
  const db = createDatabase(name);
  db.on('blocked', () => hooks.onBlocked?.());
  db.on('versionchange', () => {
    db.close();
    hooks.onReplaced?.();
    return false;
  });
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
    await ensureDevice(db);
    return { ok: true, db };
  } catch (error) {
    return { ok: false, failure: classifyOpenError(error) };
  }
}

// Shared live queries: the reads of the first screen (the shell's choice between the first-run page and
// the ledger, the ledger's projects and the organization's names), and starting them before React runs.
import { liveQuery, type Subscription } from 'dexie';
import { useSyncExternalStore } from 'react';
import type { DuchaDatabase } from './database';
import { readOrganization } from './repositories/organization';
import { hasProjects, listProjects } from './repositories/projects';
import { readSetupChoice } from './repositories/setup';

// One subscription per database serves
// every component that reads them, it can start as soon as the database opens — before React has
// rendered anything — and a component that mounts while it runs gets the current rows in its first
// render instead of `undefined` and a second render. Like Dexie's own cache, a query stops following the
// database a few seconds after its last reader leaves, and its rows are dropped then.

/** How long a shared query keeps following the database after its last reader left (Dexie's cache: 3 s). */
const KEEP_MS = 3000;

interface SharedQuery<T> {
  subscribe: (onChange: () => void) => () => void;
  /** The latest result; undefined while the first is on its way. Throws the query's error. */
  read: () => T | undefined;
  /** Starts the query now and keeps it running until its first reader comes, for at most `ms`. */
  hold: (ms: number) => void;
}

function sharedQuery<T>(querier: () => Promise<T>): SharedQuery<T> {
  let result: { value: T } | { error: unknown } | undefined;
  let upstream: Subscription | null = null;
  let held = false;
  let holdTimer: ReturnType<typeof setTimeout> | undefined;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  const readers = new Set<() => void>();
  const notify = () => readers.forEach((onChange) => onChange());

  const start = () => {
    clearTimeout(stopTimer);
    upstream ??= liveQuery(querier).subscribe({
      next: (value) => {
        result = { value };
        notify();
      },
      error: (error: unknown) => {
        result = { error };
        notify();
      },
    });
  };
  const release = () => {
    if (readers.size > 0 || held) return;
    clearTimeout(stopTimer);
    stopTimer = setTimeout(() => {
      if (readers.size > 0 || held) return;
      upstream?.unsubscribe();
      upstream = null;
      result = undefined;
    }, KEEP_MS);
  };

  return {
    subscribe: (onChange) => {
      readers.add(onChange);
      held = false;
      clearTimeout(holdTimer);
      start();
      return () => {
        readers.delete(onChange);
        release();
      };
    },
    read: () => {
      if (result && 'error' in result) throw result.error;
      return result?.value;
    },
    hold: (ms) => {
      if (readers.size > 0) return;
      held = true;
      start();
      clearTimeout(holdTimer);
      holdTimer = setTimeout(() => {
        held = false;
        release();
      }, ms);
    },
  };
}

function createSharedQueries(db: DuchaDatabase) {
  return {
    setupChoice: sharedQuery(() => readSetupChoice(db)),
    hasProjects: sharedQuery(() => hasProjects(db)),
    // In a read transaction of its own, the ledger's 2,000 rows bypass Dexie's live-query cache, which
    // deep-clones every result for each reader (tens of milliseconds here); the one result is shared.
    projects: sharedQuery(() => db.transaction('r', db.projects, () => listProjects(db))),
    organization: sharedQuery(() => readOrganization(db)),
  };
}

const sharedQueries = new WeakMap<DuchaDatabase, ReturnType<typeof createSharedQueries>>();

export function sharedQueriesOf(db: DuchaDatabase): ReturnType<typeof createSharedQueries> {
  let queries = sharedQueries.get(db);
  if (!queries) {
    queries = createSharedQueries(db);
    sharedQueries.set(db, queries);
  }
  return queries;
}

export function useShared<T>(query: SharedQuery<T>): T | undefined {
  return useSyncExternalStore(query.subscribe, query.read);
}

/** The reads startFirstScreenReads started, for each database. */
const firstScreenQueries = new WeakMap<DuchaDatabase, SharedQuery<unknown>[]>();

/**
 * Starts the first screen's reads as soon as the database is open, while the page is still starting:
 * the shell's choice always, and the ledger's rows when the ledger is what will show. Each keeps
 * running until its first reader mounts, for at most `ms` (then the usual few seconds).
 */
export function startFirstScreenReads(db: DuchaDatabase, { ledger }: { ledger: boolean }, ms = 10_000) {
  const queries = sharedQueriesOf(db);
  const started: SharedQuery<unknown>[] = [queries.setupChoice, queries.hasProjects];
  // The small reads before the 2,000 projects: the rows' region names should not wait behind them.
  if (ledger) started.push(queries.organization, queries.projects);
  for (const query of started) query.hold(ms);
  firstScreenQueries.set(db, started);
}

/**
 * Resolves once each of the first screen's reads has its first result (or has failed): the shell knows
 * whether to show the first-run page and, when the ledger is what shows, the ledger has its rows.
 * Without startFirstScreenReads, only the shell's choice.
 */
export function firstScreenRead(db: DuchaDatabase): Promise<void> {
  const shared = sharedQueriesOf(db);
  const queries = firstScreenQueries.get(db) ?? [shared.setupChoice, shared.hasProjects];
  const done = () =>
    queries.every((query) => {
      try {
        return query.read() !== undefined;
      } catch {
        return true;
      }
    });
  return new Promise((resolve) => {
    if (done()) return resolve();
    const unsubscribe = queries.map((query) =>
      query.subscribe(() => {
        if (!done()) return;
        unsubscribe.forEach((u) => u());
        resolve();
      }),
    );
  });
}

// This laptop's standing with its sync server, kept in `meta` (local, never synced): the server's
// address, the enrollment (the device id the server gave, the team), the person signed in with their
// binding, the cursor, the last success, and whether sync runs by itself. The binding is a secret:
// it is kept like the device key, on this laptop only, and never shown.
import type { Cursor, Person } from '../../../../shared/sync/protocol';
import type { DuchaDatabase } from '../../database';

const KEYS = {
  server: 'syncServer',
  enrollment: 'syncEnrollment',
  signIn: 'syncSignIn',
  cursor: 'syncCursor',
  snapshot: 'syncSnapshot',
  lastSuccess: 'syncLastSuccess',
  automatic: 'syncAutomatic',
  teamName: 'syncTeamName',
  photoOriginals: 'syncPhotoOriginals',
  originalsAsked: 'syncOriginalsAsked',
} as const;

/**
 * Which photo originals come down: all of them (the default: evidence on every laptop), or only those
 * a person asks for — the thumbnails and display copies still come for every photo. For a laptop
 * with little disk, or a team whose photos run to tens of GB.
 */
export const PHOTO_ORIGINALS = ['all', 'whenAsked'] as const;
export type PhotoOriginals = (typeof PHOTO_ORIGINALS)[number];

export interface SyncEnrollment {
  /** The server it was enrolled with: a different address later means enrolling again. */
  readonly serverUrl: string;
  readonly deviceId: string;
  /** The team whose log it syncs; null for a laptop of the city office. */
  readonly teamId: string | null;
  readonly enrolledAt: string;
}

export interface SyncSignIn {
  readonly person: Person;
  readonly binding: string;
  readonly signedInAt: string;
}

export interface SyncSuccess {
  readonly at: string;
  readonly pushed: number;
  readonly received: number;
}

export interface SyncState {
  readonly serverUrl: string | null;
  readonly enrollment: SyncEnrollment | null;
  readonly signIn: SyncSignIn | null;
  readonly cursor: Cursor | null;
  readonly lastSuccess: SyncSuccess | null;
  /** On by default once a person has signed in. */
  readonly automatic: boolean;
  /** The team's name as the server has it (learnt at sign-in); null until then. */
  readonly teamName: string | null;
  readonly photoOriginals: PhotoOriginals;
}

async function read<T>(db: DuchaDatabase, key: string): Promise<T | null> {
  return ((await db.meta.get(key))?.value as T | undefined) ?? null;
}

export async function syncState(db: DuchaDatabase): Promise<SyncState> {
  return db.transaction('r', db.meta, async () => ({
    serverUrl: await read<string>(db, KEYS.server),
    enrollment: await read<SyncEnrollment>(db, KEYS.enrollment),
    signIn: await read<SyncSignIn>(db, KEYS.signIn),
    cursor: await read<Cursor>(db, KEYS.cursor),
    lastSuccess: await read<SyncSuccess>(db, KEYS.lastSuccess),
    automatic: (await read<boolean>(db, KEYS.automatic)) ?? true,
    teamName: await read<string>(db, KEYS.teamName),
    photoOriginals: (await read<PhotoOriginals>(db, KEYS.photoOriginals)) ?? 'all',
  }));
}

export const saveServerUrl = async (db: DuchaDatabase, url: string): Promise<void> => {
  await db.meta.put({ key: KEYS.server, value: url });
};

/**
 * A new enrollment replaces the old one and everything that hung on it: the person's binding, the
 * cursors and a snapshot part-way belong to the old device id (and perhaps another server or team).
 */
export async function saveEnrollment(db: DuchaDatabase, enrollment: SyncEnrollment): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: KEYS.server, value: enrollment.serverUrl });
    await db.meta.put({ key: KEYS.enrollment, value: enrollment });
    await db.meta.bulkDelete([KEYS.signIn, KEYS.lastSuccess, KEYS.teamName]);
    // Every log's cursor and any snapshot part-way (an office laptop keeps one per team).
    await db.meta.where('key').startsWith(KEYS.cursor).delete();
    await db.meta.where('key').startsWith(KEYS.snapshot).delete();
  });
}

/** The person signed in on this laptop; read inside a write's own transaction by the read-only guard. */
export const readSignIn = (db: DuchaDatabase): Promise<SyncSignIn | null> =>
  read<SyncSignIn>(db, KEYS.signIn);

export const saveSignIn = async (db: DuchaDatabase, signIn: SyncSignIn): Promise<void> => {
  await db.meta.put({ key: KEYS.signIn, value: signIn });
};

export const saveTeamName = async (db: DuchaDatabase, name: string): Promise<void> => {
  await db.meta.put({ key: KEYS.teamName, value: name });
};

export const forgetSignIn = async (db: DuchaDatabase): Promise<void> => {
  await db.meta.delete(KEYS.signIn);
};

export const saveCursor = async (db: DuchaDatabase, cursor: Cursor): Promise<void> => {
  await db.meta.put({ key: KEYS.cursor, value: cursor });
};

export const readCursor = (db: DuchaDatabase): Promise<Cursor | null> => read<Cursor>(db, KEYS.cursor);

export const saveSuccess = async (db: DuchaDatabase, success: SyncSuccess): Promise<void> => {
  await db.meta.put({ key: KEYS.lastSuccess, value: success });
};

export const saveAutomatic = async (db: DuchaDatabase, automatic: boolean): Promise<void> => {
  await db.meta.put({ key: KEYS.automatic, value: automatic });
};

export const savePhotoOriginals = async (db: DuchaDatabase, mode: PhotoOriginals): Promise<void> => {
  await db.meta.put({ key: KEYS.photoOriginals, value: mode });
};

/** The originals a person asked for (by hash), fetched even while only asked-for originals come. */
export const originalsAsked = async (db: DuchaDatabase): Promise<Set<string>> =>
  new Set((await read<string[]>(db, KEYS.originalsAsked)) ?? []);

export async function askForOriginal(db: DuchaDatabase, sha256: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const asked = await originalsAsked(db);
    asked.add(sha256);
    await db.meta.put({ key: KEYS.originalsAsked, value: [...asked] });
  });
}

export const SYNC_CURSOR_KEY = KEYS.cursor;
/** A first sync's snapshot part-way, per log as the cursor. */
export const SYNC_SNAPSHOT_KEY = KEYS.snapshot;

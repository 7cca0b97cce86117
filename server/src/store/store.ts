// What the server keeps, behind one interface with two implementations: SQLite (embedded, the
// default) and PostgreSQL (at scale). Every method is one transaction. The contract suite
// (server/test/store-contract.test.ts) runs the same tests on both, so they cannot drift apart.
import type { Knowledge } from '../../../shared/bundle/manifest';
import type { Operation } from '../../../shared/sync/operation';
import type { Device, Person, Role, SnapshotKey, Team } from '../../../shared/sync/protocol';

/** A person as stored: the protocol's Person plus the password's slow hash. */
/** A page of a team's snapshot: rows after `after` (null: from the first), at most `limit`. */
export interface SnapshotPage {
  readonly after: SnapshotKey | null;
  readonly limit: number;
}

export interface SnapshotRows {
  readonly seq: number;
  readonly operations: Operation[];
  /** The last row of this page when more follow; null when the page ends the snapshot. */
  readonly next: SnapshotKey | null;
}

export interface StoredPerson extends Person {
  /** scrypt hash in PHC-like form (`scrypt$N$r$p$salt$hash`), or null until a password is set. */
  readonly passwordHash: string | null;
}

export interface NewPerson {
  readonly id: string;
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: string | null;
  readonly passwordHash: string | null;
}

export interface EnrollmentCode {
  /** SHA-256 (hex) of the code: the code itself is shown once and never stored. */
  readonly codeHash: string;
  readonly teamId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
}

/** A person signed in on a device: lasts until revoked, never expires with time. */
export interface Binding {
  /** SHA-256 (hex) of the binding secret the laptop keeps. */
  readonly bindingHash: string;
  readonly deviceId: string;
  readonly personId: string;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** What a session rests on, read together on every request: each null when unknown. */
export interface SessionStanding {
  readonly device: Device | null;
  readonly person: StoredPerson | null;
  readonly binding: Binding | null;
}

/** Who pushed a batch: kept with every operation stored from it. */
export interface Pusher {
  readonly deviceId: string;
  readonly personId: string;
}

/** One operation of a push, already checked against its schema and the caller's rights. */
export type PushOutcome =
  | { readonly fate: 'stored'; readonly seq: number }
  | { readonly fate: 'known' }
  | { readonly fate: 'differentContent'; readonly storedValue: unknown }
  | { readonly fate: 'otherTeam'; readonly ownerTeamId: string };

export interface SequencedOperation {
  readonly seq: number;
  readonly operation: Operation;
  /** The id of the push that stored it (its row in `pushes`). */
  readonly push: number;
}

/** Who made a push and what they held then: what a pull page says of each push it names. */
export interface PushRecord {
  readonly at: string;
  readonly deviceId: string;
  readonly person: { readonly id: string; readonly name: string };
  /** The knowledge the push carried, or null when it carried none. */
  readonly knowledge: Knowledge | null;
}

/** A block of a team's notice numbers for one year, first..last inclusive, given to one caller only. */
export interface NoticeNumberBlock {
  readonly year: number;
  readonly first: number;
  readonly last: number;
}

export interface Store {
  /** Creates the schema if missing; idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** The epoch of this database's log; made at creation, changed by `newEpoch` after a restore. */
  epoch(): Promise<string>;
  newEpoch(): Promise<string>;
  /** A value of the server's own (the one-time setup code's hash, say); null when unset. */
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string | null): Promise<void>;

  // Teams and people
  createTeam(team: Team): Promise<void>;
  teams(): Promise<Team[]>;
  createPerson(person: NewPerson): Promise<void>;
  personById(id: string): Promise<StoredPerson | null>;
  personByLogin(login: string): Promise<StoredPerson | null>;
  people(): Promise<StoredPerson[]>;
  setPassword(personId: string, passwordHash: string): Promise<void>;
  setDisabled(personId: string, disabled: boolean): Promise<void>;

  // Devices
  createEnrollmentCode(code: EnrollmentCode): Promise<void>;
  /**
   * Uses a code and enrolls the device in one step: null when the code is unknown, used or expired
   * (at `now`), so a code never enrolls two devices, however many try at once.
   */
  enroll(codeHash: string, device: Device, now: string): Promise<Device | null>;
  deviceById(id: string): Promise<Device | null>;
  devices(): Promise<Device[]>;
  /** Revokes the device and every binding on it; earlier operations stay. */
  revokeDevice(id: string, at: string): Promise<void>;

  // Challenges (single use) and bindings
  saveChallenge(challenge: string, deviceId: string, expiresAt: string): Promise<void>;
  /** Deletes the challenge and says whether it was there for this device and not expired at `now`. */
  takeChallenge(challenge: string, deviceId: string, now: string): Promise<boolean>;
  saveBinding(binding: Binding): Promise<void>;
  bindingByHash(bindingHash: string): Promise<Binding | null>;
  /** Ends one binding (the person signs out on that laptop); a no-op when unknown or already ended. */
  revokeBinding(bindingHash: string, at: string): Promise<void>;
  /**
   * The device, person and binding of a session, as of one moment, in one read (every request reads
   * them, so that a revocation takes effect at once; on PostgreSQL one query instead of three).
   */
  sessionStanding(deviceId: string, personId: string, bindingHash: string): Promise<SessionStanding>;

  // The operation log
  /**
   * Stores a batch into a team's log, in one transaction: each operation once per identity (table,
   * row, field, clock); an identity seen again with other content is kept aside, never replacing the
   * first; a row first written in another team's log is refused. Stored operations take the team's
   * next sequence numbers, gap-free, and the team's merged rows follow (shared/sync/merge). The
   * push's row keeps who pushed, when, and `knowledge` (what the laptop held; null or absent: unknown).
   */
  push(
    teamId: string,
    operations: readonly Operation[],
    pusher: Pusher,
    at: string,
    knowledge?: Knowledge | null,
  ): Promise<PushOutcome[]>;
  /** The team's operations after `afterSeq`, in order, at most `limit`, each with its push's id. */
  pull(teamId: string, afterSeq: number, limit: number): Promise<SequencedOperation[]>;
  /** The team's pushes of these ids, with the pusher's name: one read for a whole pull page. */
  pushes(teamId: string, ids: readonly number[]): Promise<Map<number, PushRecord>>;
  /** The team's last sequence number (0 when empty). */
  lastSeq(teamId: string): Promise<number>;
  /** Per node, the latest clock the team's log holds. */
  knowledge(teamId: string): Promise<Knowledge>;
  /**
   * The team's merged rows as the winning operation of every field, and the seq they include; a page
   * of them (`limit` rows after `after`, in (table, row id) order) when asked, with where the next
   * page starts (null after the last).
   */
  snapshot(teamId: string, page?: SnapshotPage): Promise<SnapshotRows>;
  /** Operations kept aside because their identity was stored with other content. */
  aside(teamId: string): Promise<{ operation: Operation; pusher: Pusher; at: string }[]>;
  /** Whether a photo record of the team names this SHA-256 (its original or a derivative). */
  teamReferencesBlob(teamId: string, sha256: string): Promise<boolean>;

  // Notice numbers
  /**
   * The team's next `count` notice numbers of `year`, never given to anyone else: the counter row moves
   * on in the same statement that reads it. `after` says numbers up to it were given before (on paper,
   * or before sync): the block starts above it, and the counter never goes below it again.
   */
  reserveNoticeNumbers(
    teamId: string,
    year: number,
    count: number,
    after: number,
  ): Promise<NoticeNumberBlock>;

  /** A consistent copy of the whole database into `file` (SQLite's online backup). */
  backup(file: string): Promise<void>;
}

// The embedded store: one SQLite file in the server's data folder. better-sqlite3 is synchronous, so
// each method runs to its end before another starts in this process; every write is one transaction,
// and a push is an IMMEDIATE one, so another process (the admin command) waits instead of interleaving.
import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import Database from 'better-sqlite3';
import type { Knowledge } from '../../../shared/bundle/manifest';
import type { SyncedRow } from '../../../shared/sync/merge';
import type { Operation } from '../../../shared/sync/operation';
import type { Device, Team } from '../../../shared/sync/protocol';
import { asideContentHash, planPush, type PushPlan } from './push-plan';
import { SQLITE_MIGRATIONS } from './sqlite-schema';
import { pageBounds, snapshotOfRows } from './snapshot-page';
import type {
  Binding,
  EnrollmentCode,
  NewPerson,
  NoticeNumberBlock,
  PushOutcome,
  Pusher,
  PushRecord,
  SequencedOperation,
  SnapshotPage,
  SnapshotRows,
  SessionStanding,
  Store,
  StoredPerson,
} from './store';
import {
  bindingFromRow,
  deviceFromRow,
  integer,
  knowledgeText,
  OPERATION_COLUMNS,
  operationFromRow,
  personFromRow,
  PUSH_RECORD_COLUMNS,
  pushRecordFromRow,
  pusherFromRow,
  teamFromRow,
  type DbRow,
} from './store-rows';

/** Runs synchronous work as a promise: what it throws becomes a rejection, as the Store's callers expect. */
function settle<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Rows per INSERT statement (at most 9 parameters each here, far below SQLite's 32,766). */
const ROWS_PER_INSERT = 100;

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    // A writer waits up to 10 s for another process's transaction (the admin command) to end.
    this.db = new Database(file, { timeout: 10_000 });
    const mode = this.db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal')
      throw new Error(`SQLite would not use WAL on ${file} (journal_mode is ${String(mode)})`);
    // FULL: a commit the server acknowledged survives a power cut, not only a crash of the process.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
  }

  /** Statements are prepared on first use, after migrate() made their tables, and kept. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  private get(text: string, ...params: unknown[]): DbRow | undefined {
    return this.sql(text).get(...params) as DbRow | undefined;
  }

  private all(text: string, ...params: unknown[]): DbRow[] {
    return this.sql(text).all(...params) as DbRow[];
  }

  /**
   * `head` (INSERT INTO t (columns)) for every row, ROWS_PER_INSERT rows to a statement: a call into
   * SQLite per row costs more than the row itself. `tail` follows the VALUES (an ON CONFLICT clause).
   */
  private insertMany<T>(head: string, rows: readonly T[], paramsOf: (row: T) => unknown[], tail = ''): void {
    for (let from = 0; from < rows.length; from += ROWS_PER_INSERT) {
      const chunk = rows.slice(from, from + ROWS_PER_INSERT);
      const params = chunk.flatMap(paramsOf);
      const tuple = `(${Array.from({ length: params.length / chunk.length }, () => '?').join(', ')})`;
      this.sql(`${head} VALUES ${Array.from(chunk, () => tuple).join(', ')} ${tail}`).run(params);
    }
  }

  private run(text: string, ...params: unknown[]): number {
    return this.sql(text).run(...params).changes;
  }

  migrate(): Promise<void> {
    return settle(() =>
      this.db
        .transaction(() => {
          const version = integer(this.db.pragma('user_version', { simple: true }));
          const latest = SQLITE_MIGRATIONS.at(-1)?.version ?? 0;
          if (version > latest) {
            throw new Error(
              `this database has schema ${version}, newer than this server's ${latest}: update the server`,
            );
          }
          for (const migration of SQLITE_MIGRATIONS) {
            if (migration.version <= version) continue;
            this.db.exec(migration.sql);
            this.db.pragma(`user_version = ${migration.version}`);
          }
          this.run(
            "INSERT INTO settings (key, value) VALUES ('epoch', ?) ON CONFLICT DO NOTHING",
            randomUUID(),
          );
        })
        .immediate(),
    );
  }

  close(): Promise<void> {
    return settle(() => this.db.close()).then(() => undefined);
  }

  async epoch(): Promise<string> {
    const epoch = await this.getSetting('epoch');
    if (epoch === null) throw new Error('the database has no epoch: run migrate() first');
    return epoch;
  }

  async newEpoch(): Promise<string> {
    const epoch = randomUUID();
    await this.setSetting('epoch', epoch);
    return epoch;
  }

  getSetting(key: string): Promise<string | null> {
    return settle(() => {
      const row = this.get('SELECT value FROM settings WHERE key = ?', key);
      return row ? (row.value as string) : null;
    });
  }

  setSetting(key: string, value: string | null): Promise<void> {
    return settle(() => {
      if (value === null) this.run('DELETE FROM settings WHERE key = ?', key);
      else {
        this.run(
          'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
          key,
          value,
        );
      }
    });
  }

  // ── Teams and people ───────────────────────────────────────────────────────────────────────────

  createTeam(team: Team): Promise<void> {
    return settle(() => {
      this.run('INSERT INTO teams (id, name) VALUES (?, ?)', team.id, team.name);
    });
  }

  teams(): Promise<Team[]> {
    return settle(() => this.all('SELECT id, name FROM teams ORDER BY name, id').map(teamFromRow));
  }

  createPerson(person: NewPerson): Promise<void> {
    return settle(() => {
      this.run(
        'INSERT INTO people (id, login, name, role, team_id, disabled, password_hash) VALUES (?, ?, ?, ?, ?, 0, ?)',
        person.id,
        person.login,
        person.name,
        person.role,
        person.teamId,
        person.passwordHash,
      );
    });
  }

  personById(id: string): Promise<StoredPerson | null> {
    return settle(() => {
      const row = this.get('SELECT * FROM people WHERE id = ?', id);
      return row ? personFromRow(row) : null;
    });
  }

  personByLogin(login: string): Promise<StoredPerson | null> {
    return settle(() => {
      const row = this.get('SELECT * FROM people WHERE login = ?', login);
      return row ? personFromRow(row) : null;
    });
  }

  people(): Promise<StoredPerson[]> {
    return settle(() => this.all('SELECT * FROM people ORDER BY login').map(personFromRow));
  }

  setPassword(personId: string, passwordHash: string): Promise<void> {
    return settle(() => {
      if (this.run('UPDATE people SET password_hash = ? WHERE id = ?', passwordHash, personId) === 0) {
        throw new Error(`no person ${personId}`);
      }
    });
  }

  setDisabled(personId: string, disabled: boolean): Promise<void> {
    return settle(() => {
      if (this.run('UPDATE people SET disabled = ? WHERE id = ?', disabled ? 1 : 0, personId) === 0) {
        throw new Error(`no person ${personId}`);
      }
    });
  }

  // ── Devices ────────────────────────────────────────────────────────────────────────────────────

  createEnrollmentCode(code: EnrollmentCode): Promise<void> {
    return settle(() => {
      this.run(
        `INSERT INTO enrollment_codes (code_hash, team_id, created_by, created_at, expires_at, used_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        code.codeHash,
        code.teamId,
        code.createdBy,
        code.createdAt,
        code.expiresAt,
        code.usedAt,
      );
    });
  }

  enroll(codeHash: string, device: Device, now: string): Promise<Device | null> {
    return settle(() =>
      this.db
        .transaction((): Device | null => {
          const code = this.get(
            `UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
             RETURNING team_id`,
            now,
            codeHash,
            now,
          );
          if (!code) return null;
          // The code decides the team, whatever the caller put in the device.
          const stored: Device = { ...device, teamId: code.team_id as string | null, revokedAt: null };
          this.run(
            'INSERT INTO devices (id, name, team_id, public_key, enrolled_at, revoked_at) VALUES (?, ?, ?, ?, ?, NULL)',
            stored.id,
            stored.name,
            stored.teamId,
            stored.publicKey,
            stored.enrolledAt,
          );
          this.run('UPDATE enrollment_codes SET device_id = ? WHERE code_hash = ?', stored.id, codeHash);
          return stored;
        })
        .immediate(),
    );
  }

  deviceById(id: string): Promise<Device | null> {
    return settle(() => {
      const row = this.get('SELECT * FROM devices WHERE id = ?', id);
      return row ? deviceFromRow(row) : null;
    });
  }

  devices(): Promise<Device[]> {
    return settle(() => this.all('SELECT * FROM devices ORDER BY enrolled_at, id').map(deviceFromRow));
  }

  revokeDevice(id: string, at: string): Promise<void> {
    return settle(() =>
      this.db
        .transaction(() => {
          // COALESCE: revoking twice keeps the first time.
          if (
            this.run('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', at, id) === 0
          ) {
            throw new Error(`no device ${id}`);
          }
          this.run('UPDATE bindings SET revoked_at = COALESCE(revoked_at, ?) WHERE device_id = ?', at, id);
        })
        .immediate(),
    );
  }

  // ── Challenges and bindings ────────────────────────────────────────────────────────────────────

  saveChallenge(challenge: string, deviceId: string, expiresAt: string): Promise<void> {
    return settle(() => {
      this.run(
        'INSERT INTO challenges (challenge, device_id, expires_at) VALUES (?, ?, ?)',
        challenge,
        deviceId,
        expiresAt,
      );
    });
  }

  takeChallenge(challenge: string, deviceId: string, now: string): Promise<boolean> {
    return settle(() =>
      this.db
        .transaction((): boolean => {
          const row = this.get(
            'DELETE FROM challenges WHERE challenge = ? RETURNING device_id, expires_at',
            challenge,
          );
          // Challenges nobody answered would pile up; each take clears the expired ones.
          this.run('DELETE FROM challenges WHERE expires_at <= ?', now);
          return row !== undefined && row.device_id === deviceId && (row.expires_at as string) > now;
        })
        .immediate(),
    );
  }

  saveBinding(binding: Binding): Promise<void> {
    return settle(() => {
      this.run(
        'INSERT INTO bindings (binding_hash, device_id, person_id, created_at, revoked_at) VALUES (?, ?, ?, ?, ?)',
        binding.bindingHash,
        binding.deviceId,
        binding.personId,
        binding.createdAt,
        binding.revokedAt,
      );
    });
  }

  bindingByHash(bindingHash: string): Promise<Binding | null> {
    return settle(() => {
      const row = this.get('SELECT * FROM bindings WHERE binding_hash = ?', bindingHash);
      return row ? bindingFromRow(row) : null;
    });
  }

  revokeBinding(bindingHash: string, at: string): Promise<void> {
    return settle(() => {
      this.run(
        'UPDATE bindings SET revoked_at = COALESCE(revoked_at, ?) WHERE binding_hash = ?',
        at,
        bindingHash,
      );
    });
  }

  sessionStanding(deviceId: string, personId: string, bindingHash: string): Promise<SessionStanding> {
    // One read transaction: the three rows of one moment, whatever the admin command commits meanwhile.
    return settle(
      this.db.transaction((): SessionStanding => {
        const device = this.get('SELECT * FROM devices WHERE id = ?', deviceId);
        const person = this.get('SELECT * FROM people WHERE id = ?', personId);
        const binding = this.get('SELECT * FROM bindings WHERE binding_hash = ?', bindingHash);
        return {
          device: device ? deviceFromRow(device) : null,
          person: person ? personFromRow(person) : null,
          binding: binding ? bindingFromRow(binding) : null,
        };
      }),
    );
  }

  // ── The operation log ──────────────────────────────────────────────────────────────────────────

  push(
    teamId: string,
    operations: readonly Operation[],
    pusher: Pusher,
    at: string,
    knowledge: Knowledge | null = null,
  ): Promise<PushOutcome[]> {
    if (operations.length === 0) return Promise.resolve([]);
    return settle(() =>
      this.db
        .transaction((): PushOutcome[] => {
          const counter = this.get('SELECT last_seq FROM team_counters WHERE team_id = ?', teamId);
          const plan = planPush(teamId, operations, counter ? integer(counter.last_seq) : 0, {
            identity: (op) => {
              const row = this.get(
                'SELECT team_id, node, value FROM operations WHERE table_name = ? AND row_id = ? AND field = ? AND hlc = ?',
                op.table,
                op.rowId,
                op.field,
                op.hlc,
              );
              return (
                row && {
                  teamId: row.team_id as string,
                  node: row.node as string,
                  valueJson: row.value as string,
                }
              );
            },
            row: (table, rowId) => {
              const row = this.get(
                'SELECT team_id, row FROM merged_rows WHERE table_name = ? AND row_id = ?',
                table,
                rowId,
              );
              return (
                row && { teamId: row.team_id as string, row: JSON.parse(row.row as string) as SyncedRow }
              );
            },
          });
          this.write(teamId, plan, pusher, at, knowledgeText(knowledge));
          return plan.outcomes;
        })
        .immediate(),
    );
  }

  private write(teamId: string, plan: PushPlan, pusher: Pusher, at: string, knowledge: string | null): void {
    if (plan.stored.length > 0) {
      const pushId = this.sql(
        'INSERT INTO pushes (team_id, device_id, person_id, pushed_at, knowledge) VALUES (?, ?, ?, ?, ?)',
      ).run(teamId, pusher.deviceId, pusher.personId, at, knowledge).lastInsertRowid;
      this.insertMany(
        'INSERT INTO operations (team_id, seq, table_name, row_id, field, hlc, node, value, push_id)',
        plan.stored,
        ({ seq, operation: op, valueJson }) => [
          teamId,
          seq,
          op.table,
          op.rowId,
          op.field,
          op.hlc,
          op.node,
          valueJson,
          pushId,
        ],
      );
    }
    this.insertMany(
      'INSERT INTO merged_rows (table_name, row_id, team_id, row)',
      plan.changedRows,
      ({ table, rowId, row }) => [table, rowId, teamId, JSON.stringify(row)],
      'ON CONFLICT (table_name, row_id) DO UPDATE SET row = excluded.row',
    );
    for (const { operation: op, valueJson } of plan.aside) {
      this.run(
        `INSERT INTO operations_aside (team_id, table_name, row_id, field, hlc, node, value, content_hash,
           pushed_by_device, pushed_by_person, pushed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        teamId,
        op.table,
        op.rowId,
        op.field,
        op.hlc,
        op.node,
        valueJson,
        asideContentHash(op.node, valueJson),
        pusher.deviceId,
        pusher.personId,
        at,
      );
    }
    for (const [node, hlc] of plan.knowledge) {
      // max() of two texts compares them as bytes (BINARY), which is how clocks compare.
      this.run(
        `INSERT INTO team_knowledge (team_id, node, hlc) VALUES (?, ?, ?)
         ON CONFLICT (team_id, node) DO UPDATE SET hlc = max(hlc, excluded.hlc)`,
        teamId,
        node,
        hlc,
      );
    }
    for (const sha256 of plan.blobs) {
      this.run(
        'INSERT INTO blob_refs (team_id, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING',
        teamId,
        sha256,
      );
    }
    if (plan.stored.length > 0) {
      this.run(
        `INSERT INTO team_counters (team_id, last_seq) VALUES (?, ?)
         ON CONFLICT (team_id) DO UPDATE SET last_seq = excluded.last_seq`,
        teamId,
        plan.lastSeq,
      );
    }
  }

  pull(teamId: string, afterSeq: number, limit: number): Promise<SequencedOperation[]> {
    return settle(() =>
      this.all(
        `SELECT seq, ${OPERATION_COLUMNS}, push_id FROM operations WHERE team_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
        teamId,
        afterSeq,
        limit,
      ).map((row) => ({
        seq: integer(row.seq),
        operation: operationFromRow(row),
        push: integer(row.push_id),
      })),
    );
  }

  pushes(teamId: string, ids: readonly number[]): Promise<Map<number, PushRecord>> {
    // The ids as one JSON array parameter: one prepared statement whatever their number.
    return settle(
      () =>
        new Map(
          this.all(
            `SELECT ${PUSH_RECORD_COLUMNS} FROM pushes p JOIN people pe ON pe.id = p.person_id
             WHERE p.team_id = ? AND p.id IN (SELECT value FROM json_each(?))`,
            teamId,
            JSON.stringify(ids),
          ).map((row) => [integer(row.id), pushRecordFromRow(row)]),
        ),
    );
  }

  lastSeq(teamId: string): Promise<number> {
    return settle(() => {
      const row = this.get('SELECT last_seq FROM team_counters WHERE team_id = ?', teamId);
      return row ? integer(row.last_seq) : 0;
    });
  }

  knowledge(teamId: string): Promise<Knowledge> {
    return settle(() => {
      const rows = this.all('SELECT node, hlc FROM team_knowledge WHERE team_id = ? ORDER BY node', teamId);
      return Object.fromEntries(rows.map((row) => [row.node as string, row.hlc as string]));
    });
  }

  snapshot(teamId: string, page?: SnapshotPage): Promise<SnapshotRows> {
    // One read transaction: the rows and the seq are of the same moment, whatever another process writes.
    const { after, read } = pageBounds(page);
    return settle(
      this.db.transaction(() => {
        const counter = this.get('SELECT last_seq FROM team_counters WHERE team_id = ?', teamId);
        const rows = this.all(
          `SELECT table_name, row_id, row FROM merged_rows
           WHERE team_id = ? AND (table_name, row_id) > (?, ?)
           ORDER BY table_name, row_id LIMIT ?`,
          teamId,
          after?.table ?? '',
          after?.rowId ?? '',
          read,
        ).map((row) => ({
          table: row.table_name as string,
          rowId: row.row_id as string,
          row: row.row as string,
        }));
        return snapshotOfRows(counter ? integer(counter.last_seq) : 0, rows, page);
      }),
    );
  }

  aside(teamId: string): Promise<{ operation: Operation; pusher: Pusher; at: string }[]> {
    return settle(() =>
      this.all(
        `SELECT ${OPERATION_COLUMNS}, pushed_by_device, pushed_by_person, pushed_at
         FROM operations_aside WHERE team_id = ? ORDER BY id`,
        teamId,
      ).map((row) => ({
        operation: operationFromRow(row),
        pusher: pusherFromRow(row),
        at: row.pushed_at as string,
      })),
    );
  }

  teamReferencesBlob(teamId: string, sha256: string): Promise<boolean> {
    return settle(
      () =>
        this.get('SELECT 1 FROM blob_refs WHERE team_id = ? AND sha256 = ?', teamId, sha256) !== undefined,
    );
  }

  // ── Notice numbers ─────────────────────────────────────────────────────────────────────────────

  reserveNoticeNumbers(
    teamId: string,
    year: number,
    count: number,
    after: number,
  ): Promise<NoticeNumberBlock> {
    // One upsert reads and moves the counter; IMMEDIATE so the admin command's writes wait, not interleave.
    return settle(() =>
      this.db
        .transaction((): NoticeNumberBlock => {
          const row = this.get(
            `INSERT INTO notice_counters (team_id, year, last) VALUES (@teamId, @year, @after + @count)
             ON CONFLICT (team_id, year) DO UPDATE SET last = max(last, @after) + @count RETURNING last`,
            { teamId, year, after, count },
          );
          const last = integer(row?.last ?? 0);
          return { year, first: last - count + 1, last };
        })
        .immediate(),
    );
  }

  /** Online backup (writers go on meanwhile) into `file.partial`, renamed when whole: never half a copy at `file`. */
  async backup(file: string): Promise<void> {
    const partial = `${file}.partial`;
    await rm(partial, { force: true });
    await this.db.backup(partial);
    await rename(partial, file);
  }
}

// The store at scale: PostgreSQL through a pool. A push is one transaction that first locks the team's
// counter row, so a team's pushers take turns and sequence numbers commit in the order they are given:
// a reader can never see seq k+1 while k is still uncommitted (a plain sequence allows that). The batch
// is read and written with set-based statements (unnest of arrays), a handful of round trips per push.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Knowledge } from '../../../shared/bundle/manifest';
import { rowKey, splitRowKey, type SyncedRow } from '../../../shared/sync/merge';
import type { Operation } from '../../../shared/sync/operation';
import type { Device, Team } from '../../../shared/sync/protocol';
import { POSTGRES_MIGRATIONS } from './postgres-schema';
import { pageBounds, snapshotOfRows } from './snapshot-page';
import {
  asideContentHash,
  identityKey,
  planPush,
  type OwnedRow,
  type PushPlan,
  type StoredIdentity,
} from './push-plan';
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

/** Taken by migrate() so two servers starting at once do not both create the schema. */
const MIGRATION_LOCK = 1_718_251_017;
/** Deadlock and serialization failure: the transaction was rolled back whole and may simply run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

export const PG_DUMP_ADVICE =
  'PostgreSQL is backed up with its own tools, not by the server: ' +
  'pg_dump --format=custom --file=ducha.dump "$DUCHA_SERVER_DATABASE" ' +
  '(restore with pg_restore --clean --if-exists --dbname="$DUCHA_SERVER_DATABASE" ducha.dump, then give the log a new epoch)';

export interface PostgresStoreOptions {
  /** Connections in the pool; each push holds one for its transaction. */
  readonly maxConnections?: number;
  /** An idle connection failed (the database restarted, say); the pool replaces it. */
  readonly onIdleError?: (error: Error) => void;
}

/** A row this push read as nobody's was claimed by another team's push before this one could: run it again. */
class RowClaimedMeanwhile extends Error {
  override name = 'RowClaimedMeanwhile';
}

/** Byte order of row keys, the same on every pusher, so two teams insert shared new rows in one order. */
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

export class PostgresStore implements Store {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    this.pool = new pg.Pool({ connectionString, max: options.maxConnections ?? 10 });
    // Without a listener an idle client's error would end the process.
    const onIdleError =
      options.onIdleError ?? ((error: Error) => console.error('PostgreSQL:', error.message));
    this.pool.on('error', onIdleError);
  }

  /**
   * One transaction on one connection; run again whole when PostgreSQL aborted it for a deadlock, or
   * when a push found a row it meant to claim taken meanwhile.
   */
  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query(begin);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        const code = errorCode(error);
        const retryable = error instanceof RowClaimedMeanwhile || (code !== undefined && RETRYABLE.has(code));
        if (attempt < MAX_ATTEMPTS && retryable) continue;
        throw error;
      } finally {
        // A connection whose rollback failed is closed, not handed to the next caller.
        client.release(broken);
      }
    }
  }

  private async rows(text: string, params: unknown[] = []): Promise<DbRow[]> {
    return (await this.pool.query<DbRow>(text, params)).rows;
  }

  private async row(text: string, params: unknown[] = []): Promise<DbRow | undefined> {
    return (await this.rows(text, params))[0];
  }

  private async changes(text: string, params: unknown[] = []): Promise<number> {
    return (await this.pool.query(text, params)).rowCount ?? 0;
  }

  async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version integer PRIMARY KEY, why text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<DbRow>(
        'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
      );
      const version = integer(rows[0]?.version ?? 0);
      const latest = POSTGRES_MIGRATIONS.at(-1)?.version ?? 0;
      if (version > latest) {
        throw new Error(
          `this database has schema ${version}, newer than this server's ${latest}: update the server`,
        );
      }
      for (const migration of POSTGRES_MIGRATIONS) {
        if (migration.version <= version) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, why) VALUES ($1, $2)', [
          migration.version,
          migration.why,
        ]);
      }
      await client.query("INSERT INTO settings (key, value) VALUES ('epoch', $1) ON CONFLICT DO NOTHING", [
        randomUUID(),
      ]);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
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

  async getSetting(key: string): Promise<string | null> {
    const row = await this.row('SELECT value FROM settings WHERE key = $1', [key]);
    return row ? (row.value as string) : null;
  }

  async setSetting(key: string, value: string | null): Promise<void> {
    if (value === null) await this.changes('DELETE FROM settings WHERE key = $1', [key]);
    else {
      await this.changes(
        'INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [key, value],
      );
    }
  }

  // ── Teams and people ───────────────────────────────────────────────────────────────────────────

  async createTeam(team: Team): Promise<void> {
    await this.changes('INSERT INTO teams (id, name) VALUES ($1, $2)', [team.id, team.name]);
  }

  async teams(): Promise<Team[]> {
    return (await this.rows('SELECT id, name FROM teams ORDER BY name, id')).map(teamFromRow);
  }

  async createPerson(person: NewPerson): Promise<void> {
    await this.changes(
      `INSERT INTO people (id, login, name, role, team_id, disabled, password_hash)
       VALUES ($1, $2, $3, $4, $5, false, $6)`,
      [person.id, person.login, person.name, person.role, person.teamId, person.passwordHash],
    );
  }

  async personById(id: string): Promise<StoredPerson | null> {
    const row = await this.row('SELECT * FROM people WHERE id = $1', [id]);
    return row ? personFromRow(row) : null;
  }

  async personByLogin(login: string): Promise<StoredPerson | null> {
    const row = await this.row('SELECT * FROM people WHERE login = $1', [login]);
    return row ? personFromRow(row) : null;
  }

  async people(): Promise<StoredPerson[]> {
    return (await this.rows('SELECT * FROM people ORDER BY login')).map(personFromRow);
  }

  async setPassword(personId: string, passwordHash: string): Promise<void> {
    if (
      (await this.changes('UPDATE people SET password_hash = $1 WHERE id = $2', [passwordHash, personId])) ===
      0
    ) {
      throw new Error(`no person ${personId}`);
    }
  }

  async setDisabled(personId: string, disabled: boolean): Promise<void> {
    if ((await this.changes('UPDATE people SET disabled = $1 WHERE id = $2', [disabled, personId])) === 0) {
      throw new Error(`no person ${personId}`);
    }
  }

  // ── Devices ────────────────────────────────────────────────────────────────────────────────────

  async createEnrollmentCode(code: EnrollmentCode): Promise<void> {
    await this.changes(
      `INSERT INTO enrollment_codes (code_hash, team_id, created_by, created_at, expires_at, used_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [code.codeHash, code.teamId, code.createdBy, code.createdAt, code.expiresAt, code.usedAt],
    );
  }

  enroll(codeHash: string, device: Device, now: string): Promise<Device | null> {
    return this.transaction(async (client) => {
      // A second enroller of the same code waits on this row, then finds used_at set: null.
      const { rows } = await client.query<DbRow>(
        `UPDATE enrollment_codes SET used_at = $1
         WHERE code_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING team_id`,
        [now, codeHash],
      );
      const code = rows[0];
      if (!code) return null;
      // The code decides the team, whatever the caller put in the device.
      const stored: Device = { ...device, teamId: code.team_id as string | null, revokedAt: null };
      await client.query(
        `INSERT INTO devices (id, name, team_id, public_key, enrolled_at, revoked_at)
         VALUES ($1, $2, $3, $4, $5, NULL)`,
        [stored.id, stored.name, stored.teamId, stored.publicKey, stored.enrolledAt],
      );
      await client.query('UPDATE enrollment_codes SET device_id = $1 WHERE code_hash = $2', [
        stored.id,
        codeHash,
      ]);
      return stored;
    });
  }

  async deviceById(id: string): Promise<Device | null> {
    const row = await this.row('SELECT * FROM devices WHERE id = $1', [id]);
    return row ? deviceFromRow(row) : null;
  }

  async devices(): Promise<Device[]> {
    return (await this.rows('SELECT * FROM devices ORDER BY enrolled_at, id')).map(deviceFromRow);
  }

  async revokeDevice(id: string, at: string): Promise<void> {
    await this.transaction(async (client) => {
      // COALESCE: revoking twice keeps the first time.
      const revoked = await client.query(
        'UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2',
        [at, id],
      );
      if (revoked.rowCount === 0) throw new Error(`no device ${id}`);
      await client.query('UPDATE bindings SET revoked_at = COALESCE(revoked_at, $1) WHERE device_id = $2', [
        at,
        id,
      ]);
    });
  }

  // ── Challenges and bindings ────────────────────────────────────────────────────────────────────

  async saveChallenge(challenge: string, deviceId: string, expiresAt: string): Promise<void> {
    await this.changes('INSERT INTO challenges (challenge, device_id, expires_at) VALUES ($1, $2, $3)', [
      challenge,
      deviceId,
      expiresAt,
    ]);
  }

  takeChallenge(challenge: string, deviceId: string, now: string): Promise<boolean> {
    return this.transaction(async (client) => {
      const { rows } = await client.query<DbRow>(
        'DELETE FROM challenges WHERE challenge = $1 RETURNING device_id, expires_at',
        [challenge],
      );
      // Challenges nobody answered would pile up; each take clears the expired ones.
      await client.query('DELETE FROM challenges WHERE expires_at <= $1', [now]);
      const row = rows[0];
      return row !== undefined && row.device_id === deviceId && (row.expires_at as string) > now;
    });
  }

  async saveBinding(binding: Binding): Promise<void> {
    await this.changes(
      `INSERT INTO bindings (binding_hash, device_id, person_id, created_at, revoked_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [binding.bindingHash, binding.deviceId, binding.personId, binding.createdAt, binding.revokedAt],
    );
  }

  async bindingByHash(bindingHash: string): Promise<Binding | null> {
    const row = await this.row('SELECT * FROM bindings WHERE binding_hash = $1', [bindingHash]);
    return row ? bindingFromRow(row) : null;
  }

  async revokeBinding(bindingHash: string, at: string): Promise<void> {
    await this.changes('UPDATE bindings SET revoked_at = COALESCE(revoked_at, $1) WHERE binding_hash = $2', [
      at,
      bindingHash,
    ]);
  }

  async sessionStanding(deviceId: string, personId: string, bindingHash: string): Promise<SessionStanding> {
    // One statement, so one snapshot and one round trip; a missing row gives null.
    const row = await this.row(
      `SELECT (SELECT row_to_json(d) FROM devices d WHERE d.id = $1) AS device,
              (SELECT row_to_json(p) FROM people p WHERE p.id = $2) AS person,
              (SELECT row_to_json(b) FROM bindings b WHERE b.binding_hash = $3) AS binding`,
      [deviceId, personId, bindingHash],
    );
    const part = (key: string): DbRow | null => (row?.[key] as DbRow | null | undefined) ?? null;
    const [device, person, binding] = [part('device'), part('person'), part('binding')];
    return {
      device: device ? deviceFromRow(device) : null,
      person: person ? personFromRow(person) : null,
      binding: binding ? bindingFromRow(binding) : null,
    };
  }

  // ── The operation log ──────────────────────────────────────────────────────────────────────────

  async push(
    teamId: string,
    operations: readonly Operation[],
    pusher: Pusher,
    at: string,
    knowledge: Knowledge | null = null,
  ): Promise<PushOutcome[]> {
    if (operations.length === 0) return [];
    return this.transaction(async (client) => {
      // The team's turn: every other pusher of this team waits on this row lock until this transaction
      // ends, and then reads the counter as this one left it (READ COMMITTED re-reads a row it waited
      // for). One statement makes the row if missing, locks it and says where the team's log stands.
      const counter = await client.query<DbRow>(
        `INSERT INTO team_counters (team_id, last_seq) VALUES ($1, 0)
         ON CONFLICT (team_id) DO UPDATE SET last_seq = team_counters.last_seq RETURNING last_seq`,
        [teamId],
      );
      const lastSeq = integer(counter.rows[0]?.last_seq ?? 0);
      const owned = await this.ownedRows(client, operations);
      const identities = await this.storedIdentities(
        client,
        operations.filter((op) => owned.get(rowKey(op.table, op.rowId))?.teamId === teamId),
      );
      const plan = planPush(teamId, operations, lastSeq, {
        identity: (op) => identities.get(identityKey(op)),
        row: (table, rowId) => owned.get(rowKey(table, rowId)),
      });
      await this.claimNewRows(client, teamId, plan);
      await this.write(client, teamId, plan, pusher, at, knowledgeText(knowledge));
      return plan.outcomes;
    });
  }

  /** The rows of the batch that exist, with their owners: one index probe per row, whatever the table's size. */
  private async ownedRows(
    client: pg.PoolClient,
    operations: readonly Operation[],
  ): Promise<Map<string, OwnedRow>> {
    const keys = [...new Set(operations.map((op) => rowKey(op.table, op.rowId)))].map(splitRowKey);
    // LATERAL … LIMIT 1 keeps the probe per key: a join of the unnested keys would let the planner hash
    // the whole table, as it does while the table is small, and each push would then read all of it.
    const { rows } = await client.query<DbRow>(
      `SELECT m.table_name, m.row_id, m.team_id, m.row FROM unnest($1::text[], $2::text[]) AS k(t, r)
       CROSS JOIN LATERAL (SELECT table_name, row_id, team_id, row FROM merged_rows
         WHERE table_name = k.t AND row_id = k.r LIMIT 1) AS m`,
      [keys.map((key) => key.table), keys.map((key) => key.rowId)],
    );
    return new Map(
      rows.map((row) => [
        rowKey(row.table_name as string, row.row_id as string),
        { teamId: row.team_id as string, row: JSON.parse(row.row as string) as SyncedRow },
      ]),
    );
  }

  private async storedIdentities(
    client: pg.PoolClient,
    operations: readonly Operation[],
  ): Promise<Map<string, StoredIdentity>> {
    if (operations.length === 0) return new Map();
    const { rows } = await client.query<DbRow>(
      `SELECT o.table_name, o.row_id, o.field, o.hlc, o.team_id, o.node, o.value
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k(t, r, f, h)
       CROSS JOIN LATERAL (SELECT table_name, row_id, field, hlc, team_id, node, value FROM operations
         WHERE table_name = k.t AND row_id = k.r AND field = k.f AND hlc = k.h LIMIT 1) AS o`,
      [
        operations.map((op) => op.table),
        operations.map((op) => op.rowId),
        operations.map((op) => op.field),
        operations.map((op) => op.hlc),
      ],
    );
    return new Map(
      rows.map((row) => [
        identityKey({
          table: row.table_name as Operation['table'],
          rowId: row.row_id as string,
          field: row.field as string,
          hlc: row.hlc as string,
        }),
        { teamId: row.team_id as string, node: row.node as string, valueJson: row.value as string },
      ]),
    );
  }

  /**
   * Writes the rows the batch makes, claiming them for the team. Another team's pusher may have
   * claimed one since this transaction read it as missing: the insert waits for that transaction,
   * finds the row taken, and this push is run again from the start (it now reads the owner and refuses
   * the row's operations as otherTeam). Rows are inserted in key order, so two teams' overlapping
   * batches cannot deadlock on them.
   */
  private async claimNewRows(client: pg.PoolClient, teamId: string, plan: PushPlan): Promise<void> {
    const fresh = plan.changedRows
      .filter((c) => c.isNew)
      .sort((a, b) => compareKeys(rowKey(a.table, a.rowId), rowKey(b.table, b.rowId)));
    if (fresh.length === 0) return;
    const claimed = await client.query(
      `INSERT INTO merged_rows (table_name, row_id, team_id, row)
       SELECT k.t, k.r, $1, k.row FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS k(t, r, row, i)
       ORDER BY k.i ON CONFLICT DO NOTHING`,
      [teamId, fresh.map((c) => c.table), fresh.map((c) => c.rowId), fresh.map((c) => JSON.stringify(c.row))],
    );
    if (claimed.rowCount !== fresh.length) throw new RowClaimedMeanwhile();
  }

  /**
   * Everything else the plan writes, in one statement (each data-modifying CTE touches its own table
   * and rows, so their order within the statement does not matter): one round trip instead of six.
   */
  private async write(
    client: pg.PoolClient,
    teamId: string,
    plan: PushPlan,
    pusher: Pusher,
    at: string,
    knowledge: string | null,
  ): Promise<void> {
    const { stored, aside } = plan;
    const changedRows = plan.changedRows.filter((c) => !c.isNew);
    const parts: string[] = [];
    const params: unknown[] = [teamId, pusher.deviceId, pusher.personId, at];
    /** Adds parameters; returns their placeholders. */
    const placeholders = (...values: unknown[]): string[] =>
      values.map((value) => {
        params.push(value);
        return `$${String(params.length)}`;
      });
    if (stored.length > 0) {
      const [k, s, t, r, f, h, n, v] = placeholders(
        knowledge,
        stored.map((o) => o.seq),
        stored.map((o) => o.operation.table),
        stored.map((o) => o.operation.rowId),
        stored.map((o) => o.operation.field),
        stored.map((o) => o.operation.hlc),
        stored.map((o) => o.operation.node),
        stored.map((o) => o.valueJson),
      );
      // The push's row first (its id is read by the next part: a CTE's RETURNING is the only way one
      // statement hands a generated id on), then its operations.
      parts.push(
        `INSERT INTO pushes (team_id, device_id, person_id, pushed_at, knowledge) VALUES ($1, $2, $3, $4, ${k}::text) RETURNING id`,
      );
      const pushCte = `w${String(parts.length - 1)}`;
      parts.push(
        `INSERT INTO operations (team_id, seq, table_name, row_id, field, hlc, node, value, push_id)
         SELECT $1, k.s, k.t, k.r, k.f, k.h, k.n, k.v, (SELECT id FROM ${pushCte})
         FROM unnest(${s}::bigint[], ${t}::text[], ${r}::text[], ${f}::text[], ${h}::text[], ${n}::text[], ${v}::text[])
           AS k(s, t, r, f, h, n, v)`,
      );
      const [lastSeq] = placeholders(plan.lastSeq);
      parts.push(`UPDATE team_counters SET last_seq = ${lastSeq}::bigint WHERE team_id = $1`);
    }
    if (changedRows.length > 0) {
      // Rows this team owns already (its pushers take turns on the counter row, so no one else writes
      // them now); the conflict target makes each update one probe of the primary key.
      const [t, r, row] = placeholders(
        changedRows.map((c) => c.table),
        changedRows.map((c) => c.rowId),
        changedRows.map((c) => JSON.stringify(c.row)),
      );
      parts.push(
        `INSERT INTO merged_rows (table_name, row_id, team_id, row)
         SELECT k.t, k.r, $1, k.row FROM unnest(${t}::text[], ${r}::text[], ${row}::text[]) AS k(t, r, row)
         ON CONFLICT (table_name, row_id) DO UPDATE SET row = excluded.row`,
      );
    }
    if (aside.length > 0) {
      const [t, r, f, h, n, v, c] = placeholders(
        aside.map((a) => a.operation.table),
        aside.map((a) => a.operation.rowId),
        aside.map((a) => a.operation.field),
        aside.map((a) => a.operation.hlc),
        aside.map((a) => a.operation.node),
        aside.map((a) => a.valueJson),
        aside.map((a) => asideContentHash(a.operation.node, a.valueJson)),
      );
      parts.push(
        `INSERT INTO operations_aside (team_id, table_name, row_id, field, hlc, node, value, content_hash,
           pushed_by_device, pushed_by_person, pushed_at)
         SELECT $1, k.t, k.r, k.f, k.h, k.n, k.v, k.c, $2, $3, $4
         FROM unnest(${t}::text[], ${r}::text[], ${f}::text[], ${h}::text[], ${n}::text[], ${v}::text[], ${c}::text[])
           WITH ORDINALITY AS k(t, r, f, h, n, v, c, i)
         ORDER BY k.i ON CONFLICT DO NOTHING`,
      );
    }
    if (plan.knowledge.size > 0) {
      const [n, h] = placeholders([...plan.knowledge.keys()], [...plan.knowledge.values()]);
      parts.push(
        `INSERT INTO team_knowledge (team_id, node, hlc) SELECT $1, k.n, k.h FROM unnest(${n}::text[], ${h}::text[]) AS k(n, h)
         ON CONFLICT (team_id, node) DO UPDATE SET hlc = GREATEST(team_knowledge.hlc, excluded.hlc)`,
      );
    }
    if (plan.blobs.size > 0) {
      const [b] = placeholders([...plan.blobs]);
      parts.push(
        `INSERT INTO blob_refs (team_id, sha256) SELECT $1, unnest(${b}::text[]) ON CONFLICT DO NOTHING`,
      );
    }
    if (parts.length === 0) return;
    // Every part runs to its end whether or not the final SELECT reads it; the SELECT names $1–$4 so
    // that each parameter has a type even when no part uses it.
    const ctes = parts.map((part, i) => `w${String(i)} AS (${part})`).join(',\n');
    await client.query(`WITH ${ctes}\nSELECT $1::text, $2::text, $3::text, $4::text`, params);
  }

  async pull(teamId: string, afterSeq: number, limit: number): Promise<SequencedOperation[]> {
    const rows = await this.rows(
      `SELECT seq, ${OPERATION_COLUMNS}, push_id FROM operations WHERE team_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [teamId, afterSeq, limit],
    );
    return rows.map((row) => ({
      seq: integer(row.seq),
      operation: operationFromRow(row),
      push: integer(row.push_id),
    }));
  }

  async pushes(teamId: string, ids: readonly number[]): Promise<Map<number, PushRecord>> {
    if (ids.length === 0) return new Map();
    const rows = await this.rows(
      `SELECT ${PUSH_RECORD_COLUMNS} FROM pushes p JOIN people pe ON pe.id = p.person_id
       WHERE p.team_id = $1 AND p.id = ANY($2::bigint[])`,
      [teamId, ids],
    );
    return new Map(rows.map((row) => [integer(row.id), pushRecordFromRow(row)]));
  }

  async lastSeq(teamId: string): Promise<number> {
    const row = await this.row('SELECT last_seq FROM team_counters WHERE team_id = $1', [teamId]);
    return row ? integer(row.last_seq) : 0;
  }

  async knowledge(teamId: string): Promise<Knowledge> {
    const rows = await this.rows('SELECT node, hlc FROM team_knowledge WHERE team_id = $1 ORDER BY node', [
      teamId,
    ]);
    return Object.fromEntries(rows.map((row) => [row.node as string, row.hlc as string]));
  }

  snapshot(teamId: string, page?: SnapshotPage): Promise<SnapshotRows> {
    // REPEATABLE READ: the rows and the seq come from one snapshot, however many pushes commit meanwhile.
    const { after, read } = pageBounds(page);
    return this.transaction(async (client) => {
      const counter = await client.query<DbRow>('SELECT last_seq FROM team_counters WHERE team_id = $1', [
        teamId,
      ]);
      const { rows } = await client.query<DbRow>(
        `SELECT table_name, row_id, row FROM merged_rows
         WHERE team_id = $1 AND (table_name, row_id) > ($2, $3)
         ORDER BY table_name, row_id ${read < 0 ? '' : 'LIMIT $4'}`,
        read < 0
          ? [teamId, after?.table ?? '', after?.rowId ?? '']
          : [teamId, after?.table ?? '', after?.rowId ?? '', read],
      );
      const texts = rows.map((row) => ({
        table: row.table_name as string,
        rowId: row.row_id as string,
        row: row.row as string,
      }));
      return snapshotOfRows(integer(counter.rows[0]?.last_seq ?? 0), texts, page);
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async aside(teamId: string): Promise<{ operation: Operation; pusher: Pusher; at: string }[]> {
    const rows = await this.rows(
      `SELECT ${OPERATION_COLUMNS}, pushed_by_device, pushed_by_person, pushed_at
       FROM operations_aside WHERE team_id = $1 ORDER BY id`,
      [teamId],
    );
    return rows.map((row) => ({
      operation: operationFromRow(row),
      pusher: pusherFromRow(row),
      at: row.pushed_at as string,
    }));
  }

  async teamReferencesBlob(teamId: string, sha256: string): Promise<boolean> {
    return (
      (await this.row('SELECT 1 FROM blob_refs WHERE team_id = $1 AND sha256 = $2', [teamId, sha256])) !==
      undefined
    );
  }

  // ── Notice numbers ─────────────────────────────────────────────────────────────────────────────

  async reserveNoticeNumbers(
    teamId: string,
    year: number,
    count: number,
    after: number,
  ): Promise<NoticeNumberBlock> {
    // The upsert takes the row lock (as push does on team_counters): a second reserver of the same team
    // and year waits, then re-reads the counter this one left, so two blocks never overlap.
    const row = await this.row(
      `INSERT INTO notice_counters (team_id, year, last) VALUES ($1, $2, $3::bigint + $4::bigint)
       ON CONFLICT (team_id, year) DO UPDATE SET last = GREATEST(notice_counters.last, $3::bigint) + $4::bigint
       RETURNING last`,
      [teamId, year, after, count],
    );
    const last = integer(row?.last ?? 0);
    return { year, first: last - count + 1, last };
  }

  backup(_file: string): Promise<void> {
    return Promise.reject(new Error(PG_DUMP_ADVICE));
  }
}

// Database rows to the protocol's types. Both dialects use the same column names; they differ only in
// how they return booleans (SQLite 0/1, PostgreSQL true/false) and big integers (pg gives int8 as text).
import type { Knowledge } from '../../../shared/bundle/manifest';
import { canonicalJson } from '../../../shared/sync/canonical-json';
import type { Operation } from '../../../shared/sync/operation';
import type { Device, Role, Team } from '../../../shared/sync/protocol';
import type { Binding, Pusher, PushRecord, StoredPerson } from './store';

/** The columns operationFromRow reads, in the order both stores select them. */
export const OPERATION_COLUMNS = 'table_name, row_id, field, value, hlc, node';

export type DbRow = Record<string, unknown>;

const text = (row: DbRow, column: string): string => {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`column ${column} is not text`);
  return value;
};
const textOrNull = (row: DbRow, column: string): string | null =>
  row[column] === null ? null : text(row, column);

/** An integer column, whichever way the driver returns it. */
export const integer = (value: unknown): number => {
  const n = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new Error('not an integer column');
  return n;
};

export const teamFromRow = (row: DbRow): Team => ({ id: text(row, 'id'), name: text(row, 'name') });

export const personFromRow = (row: DbRow): StoredPerson => ({
  id: text(row, 'id'),
  login: text(row, 'login'),
  name: text(row, 'name'),
  role: text(row, 'role') as Role,
  teamId: textOrNull(row, 'team_id'),
  disabled: row.disabled === true || row.disabled === 1,
  passwordHash: textOrNull(row, 'password_hash'),
});

export const deviceFromRow = (row: DbRow): Device => ({
  id: text(row, 'id'),
  name: text(row, 'name'),
  teamId: textOrNull(row, 'team_id'),
  publicKey: text(row, 'public_key'),
  enrolledAt: text(row, 'enrolled_at'),
  revokedAt: textOrNull(row, 'revoked_at'),
});

export const bindingFromRow = (row: DbRow): Binding => ({
  bindingHash: text(row, 'binding_hash'),
  deviceId: text(row, 'device_id'),
  personId: text(row, 'person_id'),
  createdAt: text(row, 'created_at'),
  revokedAt: textOrNull(row, 'revoked_at'),
});

/** An operation from the columns of `operations` or `operations_aside` (value is JSON text). */
export const operationFromRow = (row: DbRow): Operation => ({
  table: text(row, 'table_name') as Operation['table'],
  rowId: text(row, 'row_id'),
  field: text(row, 'field'),
  value: JSON.parse(text(row, 'value')) as Operation['value'],
  hlc: text(row, 'hlc'),
  node: text(row, 'node'),
});

export const pusherFromRow = (row: DbRow): Pusher => ({
  deviceId: text(row, 'pushed_by_device'),
  personId: text(row, 'pushed_by_person'),
});

/** A push's knowledge as stored: canonical JSON (equal vectors, equal text), or NULL when it carried none. */
export const knowledgeText = (knowledge: Knowledge | null | undefined): string | null =>
  knowledge ? canonicalJson(knowledge) : null;

/** The columns pushRecordFromRow reads: a push joined to its person (aliases `p` and `pe`). */
export const PUSH_RECORD_COLUMNS =
  'p.id, p.pushed_at, p.device_id, p.person_id, pe.name AS person_name, p.knowledge';

export const pushRecordFromRow = (row: DbRow): PushRecord => {
  const knowledge = textOrNull(row, 'knowledge');
  return {
    at: text(row, 'pushed_at'),
    deviceId: text(row, 'device_id'),
    person: { id: text(row, 'person_id'), name: text(row, 'person_name') },
    knowledge: knowledge === null ? null : (JSON.parse(knowledge) as Knowledge),
  };
};

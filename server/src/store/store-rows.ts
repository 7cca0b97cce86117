// Database rows to the protocol's types. Both dialects use the same column names; they differ only in
// how they return booleans (SQLite 0/1, PostgreSQL true/false) and big integers (pg gives int8 as text).
import type { Operation } from '../../../shared/sync/operation';
import type { Device, Role, Team } from '../../../shared/sync/protocol';
import type { Binding, Pusher, StoredPerson } from './store';

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

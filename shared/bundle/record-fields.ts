// An operation sets one field of one record, so a reader checks its value against that field's schema
// (shared/domain/records.ts), not only the operation's shape: `_deleted: "yes"` or a deadline of 5
// would otherwise be stored as they came and break every page that reads the record.
import type { z } from 'zod';
import { RECORD_SCHEMAS } from '../domain/records';
import { DELETED_FIELD } from '../sync/operation';
import type { SyncedTable } from '../sync/tables';

export type FieldProblem = { problem: 'unknownField' | 'invalidValue'; detail: string };

/** The field schemas of each table's records: the zod object's shape. */
export const recordShapeOf = (table: SyncedTable): Readonly<Record<string, z.ZodType>> =>
  RECORD_SCHEMAS[table].shape;

/**
 * Whether `value` may be stored as `field` of a `table` record: null when it may, else why not (in
 * English, for support). The record's other fields, and rules across fields, are not checked here:
 * the operations of one record arrive one at a time.
 */
export function recordFieldProblem(table: SyncedTable, field: string, value: unknown): FieldProblem | null {
  if (field === DELETED_FIELD) {
    return typeof value === 'boolean'
      ? null
      : { problem: 'invalidValue', detail: `${table}.${field}: a tombstone is true or false` };
  }
  const shape = recordShapeOf(table);
  const schema = Object.hasOwn(shape, field) && field !== 'id' ? shape[field] : undefined;
  if (!schema) return { problem: 'unknownField', detail: `${table} records have no field ${field}` };
  const result = schema.safeParse(value);
  if (result.success) return null;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `.${issue.path.map(String).join('.')}` : '';
  return { problem: 'invalidValue', detail: `${table}.${field}${where}: ${issue?.message ?? 'invalid'}` };
}

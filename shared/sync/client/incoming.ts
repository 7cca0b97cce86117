// Operations as they come from the server, sorted before anything is written: those of tables this
// app knows are merged; those of a table a newer app added are held back, whole, to be merged once
// this laptop's app is updated (never dropped, never a reason to stop syncing); anything else that
// does not fit the protocol refuses the whole page.
import { z } from 'zod';
import { KnowledgeSchema } from '../../bundle/manifest';
import { OperationSchema, readOperation, type Operation } from '../operation';
import { SYNCED_TABLES } from '../tables';
import { SyncFailure } from './answers';

/** An operation of a table this app does not know yet: the protocol's shape with any table name. */
export const HeldOperationSchema = z.object({
  table: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/),
  rowId: OperationSchema.shape.rowId,
  field: OperationSchema.shape.field,
  value: OperationSchema.shape.value,
  hlc: OperationSchema.shape.hlc,
  node: OperationSchema.shape.node,
});
export type HeldOperation = z.infer<typeof HeldOperationSchema>;

const KNOWN_TABLES: ReadonlySet<string> = new Set(SYNCED_TABLES);

/**
 * Who pushed an operation, when, and what their laptop held then (the server sends it with each pull
 * page). The knowledge tells a change made without knowing this laptop's from a later one.
 */
export const PushAuthorSchema = z.object({
  at: z.string().max(64),
  deviceId: z.string().max(64),
  person: z.object({ id: z.string().max(64), name: z.string().max(100) }),
  knowledge: KnowledgeSchema.nullable(),
});
export type PushAuthor = z.infer<typeof PushAuthorSchema>;

export interface SortedOperations {
  readonly known: Operation[];
  /** For each of `known`, who pushed it, when the server said so; null otherwise. */
  readonly authors: (PushAuthor | null)[];
  readonly held: HeldOperation[];
}

/** Sorts a page's operations, or throws a SyncFailure (badReply) naming the first that fits neither. */
export function sortIncoming(
  raw: readonly unknown[],
  what: string,
  authorOf: (index: number) => PushAuthor | null = () => null,
): SortedOperations {
  const known: Operation[] = [];
  const authors: (PushAuthor | null)[] = [];
  const held: HeldOperation[] = [];
  raw.forEach((item, i) => {
    const table = (item as { table?: unknown } | null)?.table;
    if (typeof table === 'string' && !KNOWN_TABLES.has(table)) {
      const parsed = HeldOperationSchema.safeParse(item);
      if (parsed.success) {
        held.push(parsed.data);
        return;
      }
    } else {
      const operation = readOperation(item);
      if (operation !== null) {
        known.push(operation);
        authors.push(authorOf(i));
        return;
      }
    }
    throw new SyncFailure('badReply', `${what}: operation ${String(i + 1)} does not fit the protocol`);
  });
  return { known, authors, held };
}

/** Of operations held back earlier, those this app now knows (after an update). */
export function nowKnown(held: readonly HeldOperation[]): Operation[] {
  return held.flatMap((op) => {
    const operation = readOperation(op);
    return operation === null ? [] : [operation];
  });
}

import type { Operation } from '../../../shared/sync/operation';
import type { DuchaDatabase } from '../database';

export const countPendingOperations = (db: DuchaDatabase): Promise<number> => db.outbox.count();

export async function pendingOperations(db: DuchaDatabase, limit = 1000): Promise<Operation[]> {
  const rows = await db.outbox.orderBy('seq').limit(limit).toArray();
  return rows.map(({ seq: _seq, ...op }) => op);
}

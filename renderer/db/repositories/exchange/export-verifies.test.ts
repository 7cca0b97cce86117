// The reader checks each operation against its table's record schema; a real export must pass that
// check for every field of every table, or a team's own hand-over would be refused.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { decodeOperations, encodeOperations } from '../../../../shared/bundle/operations-ndjson';
import { recordFieldProblem } from '../../../../shared/bundle/record-fields';
import { generateCampaign } from '../../../../shared/sample/campaign';
import { DELETED_FIELD } from '../../../../shared/sync/operation';
import { SYNCED_TABLES } from '../../../../shared/sync/tables';
import { createDatabase } from '../../database';
import { writeRecords } from '../../record-writer';
import { loadCampaign } from '../setup';
import { exportSnapshot } from './export-snapshot';

describe('an export of the sample campaign', () => {
  it('passes the reader: every operation of every table is valid for its record schema', async () => {
    const db = createDatabase('export-verifies');
    await db.open();
    const campaign = await generateCampaign({
      today: '2026-11-27',
      scale: { projects: 12, visits: 20, issues: 24, photos: 30, fullHistories: 24 },
    });
    await loadCampaign(db, campaign, Date.UTC(2026, 10, 27));
    // A deletion travels too: a tombstone is part of what an export writes.
    const issue = campaign.issues[0];
    if (!issue) throw new Error('the sample has no issue');
    await writeRecords(db, [{ table: 'issues', id: issue.id, fields: { [DELETED_FIELD]: true } }]);

    const { operations } = await exportSnapshot(db, null);
    const problems = operations
      .map((op) => ({ op, problem: recordFieldProblem(op.table, op.field, op.value) }))
      .filter(({ problem }) => problem !== null)
      .map(({ op, problem }) => `${op.table}.${op.field}: ${problem?.detail ?? ''}`);
    expect(problems).toEqual([]);

    // Every table and every field the sample fills is exercised, not just a few.
    const tables = new Set(operations.map((op) => op.table));
    for (const table of SYNCED_TABLES.filter((t) => campaign[t as keyof typeof campaign]?.length))
      expect(tables.has(table), table).toBe(true);
    expect(operations.some((op) => op.field === DELETED_FIELD && op.value === true)).toBe(true);

    // And the file an export writes reads back whole, through the same decoder an import uses.
    const decoded = decodeOperations(encodeOperations(operations), operations.length);
    expect(decoded.ok ? decoded.operations.length : decoded).toBe(operations.length);
    db.close();
  });
});

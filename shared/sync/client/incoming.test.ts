import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../hlc';
import { SyncFailure } from './answers';
import { nowKnown, sortIncoming } from './incoming';

const NODE = '0123456789abcdef';
const hlc = encodeHlc({ wall: Date.parse('2026-12-01T00:00:00Z'), counter: 0, node: NODE });
const op = (table: string, extra: Record<string, unknown> = {}) => ({
  table,
  rowId: 'row-1',
  field: 'title',
  value: '进水口格栅缺失',
  hlc,
  node: NODE,
  ...extra,
});

describe('operations from the server', () => {
  it('merges those of known tables and holds back, whole, those of a table a newer app added', () => {
    const sorted = sortIncoming([op('issues'), op('inspectionRoutes'), op('projects')], 'pull');
    expect(sorted.known.map((o) => o.table)).toEqual(['issues', 'projects']);
    expect(sorted.held).toEqual([op('inspectionRoutes')]);
  });

  it('refuses the whole page for an operation that fits neither (a bad clock, a bad table name)', () => {
    for (const bad of [
      op('issues', { hlc: 'yesterday' }),
      op('inspection routes'),
      op('futureTable', { node: 'x' }),
      null,
      7,
    ]) {
      expect(() => sortIncoming([op('issues'), bad], 'pull')).toThrow(SyncFailure);
      try {
        sortIncoming([op('issues'), bad], 'pull');
      } catch (error) {
        expect((error as SyncFailure).problem).toBe('badReply');
        expect((error as SyncFailure).detail).toContain('operation 2');
      }
    }
  });

  it('lets go of held-back operations only once their table is known', () => {
    const held = sortIncoming([op('inspectionRoutes'), op('issues')], 'pull').held;
    expect(nowKnown(held)).toEqual([]);
    expect(nowKnown([...held, op('units')])).toEqual([op('units')]);
  });
});

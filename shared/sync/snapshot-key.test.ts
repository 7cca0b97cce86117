import { describe, expect, it } from 'vitest';
import { matchLaptopRoute } from './laptop-routes';
import { decodeSnapshotAfter, encodeSnapshotAfter } from './snapshot-key';

describe('snapshot page keys', () => {
  it('round-trip any row id, and pass the host relay as a query value', () => {
    for (const key of [
      { table: 'projects', rowId: '019a0000-0000-7000-8000-00000000aa01' },
      { table: 'issues', rowId: '思茅区/污水厂 #1?&=%' },
      { table: 'regions', rowId: '😀'.repeat(32) },
    ]) {
      const after = encodeSnapshotAfter(key);
      expect(decodeSnapshotAfter(after)).toEqual(key);
      expect(matchLaptopRoute('GET', `/teams/team-north/snapshot?limit=2000&next=${after}`)).toBe('snapshot');
    }
  });

  it('reads nothing from a value it did not make', () => {
    for (const text of [
      '',
      'not base64!',
      'WyJhIl0',
      'WyJhIiwiYiIsImMiXQ',
      'eyJ0YWJsZSI6MX0',
      '__8',
      'ImFiIg',
    ])
      expect(decodeSnapshotAfter(text)).toBeNull();
  });
});

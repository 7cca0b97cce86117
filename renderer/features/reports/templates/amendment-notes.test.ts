import { describe, expect, it } from 'vitest';
import type { VisitAmendment } from '../../../../shared/domain/visit-amendment';
import { amendmentMark, amendmentNotes } from './amendment-notes';

const amendment = (seq: number, reason: string, changes: VisitAmendment['changes']): VisitAmendment => ({
  id: `a${seq}`,
  createdAt: '2026-12-07T02:00:00.000Z',
  updatedAt: '2026-12-07T02:00:00.000Z',
  visitId: 'v1',
  seq,
  actorName: '王督查',
  at: '2026-12-07T02:00:00.000Z',
  reason,
  changes,
  prevHash: null,
  hash: 'a'.repeat(64),
});

const words = {
  label: (f: string) => ({ weather: '天气', workersOnSite: '现场人数', percentComplete: '形象进度' })[f] ?? f,
  value: (f: string, v: unknown) => (f === 'percentComplete' ? `${String(v)}%` : String(v)),
};

describe('the footnotes of amended values', () => {
  it('numbers one note per field and amendment, in the order made, with the value before and the reason', () => {
    const notes = amendmentNotes(
      [
        amendment(1, '复核考勤表', [{ field: 'workersOnSite', before: 38, after: 42 }]),
        amendment(0, '笔误', [
          { field: 'weather', before: '阴', after: '晴' },
          { field: 'percentComplete', before: 60, after: 65 },
        ]),
      ],
      words,
    );
    expect(notes.notes).toEqual([
      { n: 1, field: 'weather', label: '天气', was: '阴', reason: '笔误' },
      { n: 2, field: 'percentComplete', label: '形象进度', was: '60%', reason: '笔误' },
      { n: 3, field: 'workersOnSite', label: '现场人数', was: '38', reason: '复核考勤表' },
    ]);
    expect(amendmentMark(notes, 'weather')).toBe('※1');
    expect(amendmentMark(notes, 'workersOnSite', 'percentComplete')).toBe('※2,3');
    expect(amendmentMark(notes, 'date')).toBe('');
  });

  it('marks a field amended twice with both notes, each with the value it replaced', () => {
    const notes = amendmentNotes(
      [
        amendment(0, '笔误', [{ field: 'weather', before: '阴', after: '多云' }]),
        amendment(1, '再次核对', [{ field: 'weather', before: '多云', after: '晴' }]),
      ],
      words,
    );
    expect(notes.notes.map((n) => n.was)).toEqual(['阴', '多云']);
    expect(amendmentMark(notes, 'weather')).toBe('※1,2');
  });

  it('has nothing to say for a visit never amended', () => {
    const notes = amendmentNotes([], words);
    expect(notes.notes).toEqual([]);
    expect(amendmentMark(notes, 'weather')).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { checklistScore } from './score';

const item = (id: string, score: number | null) => ({
  id,
  text: id,
  answerKind: 'yesNoNa' as const,
  unit: null,
  score,
  required: false,
});

describe('checklistScore', () => {
  it('adds the points of the scored items answered yes', () => {
    const template = { sections: [{ title: 's', items: [item('a', 12.5), item('b', 10), item('c', null)] }] };
    expect(
      checklistScore(template, {
        a: { kind: 'yesNoNa', value: 'yes' },
        b: { kind: 'yesNoNa', value: 'no' },
        c: { kind: 'yesNoNa', value: 'yes' },
      }),
    ).toBe(12.5);
    expect(checklistScore(template, {})).toBe(0);
  });

  it('is null for a template with no scored item', () => {
    expect(checklistScore({ sections: [{ title: 's', items: [item('a', null)] }] }, {})).toBeNull();
  });
});

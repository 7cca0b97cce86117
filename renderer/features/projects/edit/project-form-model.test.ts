import { describe, expect, it } from 'vitest';
import type { Fen } from '../../../../shared/domain/money';
import { MILESTONE_KINDS } from '../../../../shared/domain/project';
import { makeProject } from '../../../../test/fixtures/records';
import { baseOf, domainOf, emptyFormValues, fromFormValues, toFormValues } from './project-form-model';

const base = { id: 'p1', createdAt: '2026-11-27T00:00:00.000Z', updatedAt: '2026-11-27T00:00:00.000Z' };

describe('project form model', () => {
  it('round-trips a project exactly, amounts included', () => {
    // The form always lists every milestone kind, in order.
    const project = makeProject({
      milestones: MILESTONE_KINDS.map((kind) =>
        kind === 'groundbreaking'
          ? { kind, planned: '2026-03-01', actual: '2026-04-15' }
          : { kind, planned: null, actual: null },
      ),
      funding: [{ source: 'loan', committed: 1_234_500 as Fen, arrived: 100 as Fen }],
    });
    const back = fromFormValues(toFormValues(project), project);
    expect(back).toEqual({ ok: true, project });
  });

  it('shows amounts in 万元 without float noise', () => {
    const values = toFormValues(makeProject());
    expect(values.completedTotal).toBe('3422.5');
    expect(values.totalInvestment).toBe('6800');
  });

  it('marks a bad amount and a missing region, and saves nothing', () => {
    const values = { ...emptyFormValues(2026), name: '东川区垃圾填埋场', totalInvestment: '46OO' };
    const result = fromFormValues(values, base);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContainEqual({ name: ['totalInvestment'], problem: 'notAnAmount' });
      expect(result.problems).toContainEqual({ name: ['regionId'], problem: 'required' });
    }
  });

  it('maps a schema problem inside milestones to the form field', () => {
    const values = { ...emptyFormValues(2026), name: 'x', regionId: 'r1' };
    values.milestones.groundbreaking = { planned: '2026-13-40', actual: '' };
    const result = fromFormValues(values, base);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.name).toEqual(['milestones', 'groundbreaking', 'planned']);
  });
});

describe('the base a project form saves against', () => {
  it('is the project as the form shows it, without id or timestamps, so an untouched form changes nothing', () => {
    const project = makeProject({ name: '  思茅区污水处理厂  ' });
    const values = toFormValues(project);
    const startBase = baseOf(values, project);
    expect(startBase).not.toHaveProperty('id');
    expect(startBase).not.toHaveProperty('updatedAt');
    // The form trims the name; the base does too, so the name is no change.
    expect(startBase.name).toBe('思茅区污水处理厂');
    const saved = fromFormValues(values, project);
    expect(saved.ok && domainOf(saved.project)).toEqual(startBase);
  });
});

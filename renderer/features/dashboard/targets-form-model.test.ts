import { describe, expect, it } from 'vitest';
import { defaultTargetValues } from '../../../shared/domain/targets';
import { checkTargetsForm, formValuesOf } from './targets-form-model';

const form = (overrides: object = {}) => ({ ...formValuesOf(defaultTargetValues(2026)), ...overrides });

describe('the targets form', () => {
  it('shows shares as percentages and reads them back', () => {
    expect(formValuesOf({ ...defaultTargetValues(2026), annualInvestmentShare: 0.625 })).toEqual({
      annualInvestmentShare: '62.5',
      startRate: '100',
      fundingArrivalShare: '100',
      completedAreaShare: '50',
      startBy: '2026-05-31',
    });
    expect(checkTargetsForm(form({ annualInvestmentShare: '62.5' }), 2026)).toEqual({
      ok: true,
      values: { ...defaultTargetValues(2026), annualInvestmentShare: 0.625 },
    });
  });

  it('accepts full-width digits and a percent sign', () => {
    const checked = checkTargetsForm(form({ completedAreaShare: '５５％', startRate: ' 90% ' }), 2026);
    expect(checked).toMatchObject({ ok: true, values: { completedAreaShare: 0.55, startRate: 0.9 } });
  });

  it('names what is wrong with each field', () => {
    expect(
      checkTargetsForm(
        form({
          annualInvestmentShare: '',
          startRate: '120',
          fundingArrivalShare: '八十',
          completedAreaShare: '-5',
          startBy: '2025-05-31',
        }),
        2026,
      ),
    ).toEqual({
      ok: false,
      errors: {
        annualInvestmentShare: 'required',
        startRate: 'range',
        fundingArrivalShare: 'notANumber',
        completedAreaShare: 'range',
        startBy: 'year',
      },
    });
    expect(checkTargetsForm(form({ startBy: '2026-02-30' }), 2026)).toEqual({
      ok: false,
      errors: { startBy: 'date' },
    });
    expect(checkTargetsForm(form({ startBy: '5月31日' }), 2026)).toEqual({
      ok: false,
      errors: { startBy: 'date' },
    });
  });
});

import { describe, expect, it } from 'vitest';
import { fen } from '../../../shared/domain/money';
import type { Visit } from '../../../shared/domain/visit';
import { makeVisit } from '../../../test/fixtures/records';
import { fromVisitForm, roundCoordinate, toVisitForm } from './visit-form-model';

const visit: Visit = makeVisit({
  location: { lat: 22.7841, lng: 100.9772, source: 'photo' },
  reportedInvestment: fen(16_455_000),
});

describe('the visit form', () => {
  it('round-trips a visit, keeping where its location came from', () => {
    const result = fromVisitForm(toVisitForm(visit));
    expect(result).toMatchObject({
      ok: true,
      changes: { location: visit.location, reportedInvestment: visit.reportedInvestment },
    });
  });

  it('marks a location typed once the numbers are typed over', () => {
    const values = { ...toVisitForm(visit), lat: 22.8, locationSource: 'typed' as const };
    expect(fromVisitForm(values)).toMatchObject({
      ok: true,
      changes: { location: { lat: 22.8, source: 'typed' } },
    });
  });

  it('refuses half a location and an amount that is not one', () => {
    expect(fromVisitForm({ ...toVisitForm(visit), lng: null })).toEqual({ ok: false, field: 'lng' });
    expect(fromVisitForm({ ...toVisitForm(visit), reportedInvestment: '12a' })).toEqual({
      ok: false,
      field: 'reportedInvestment',
    });
  });

  it('rounds EXIF coordinates to six decimals', () => {
    expect(roundCoordinate(22.784100000000002)).toBe(22.7841);
    expect(roundCoordinate(-100.97720049)).toBe(-100.9772);
  });
});

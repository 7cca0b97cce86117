// Between a Visit and its form: the reported investment as 万元 text, location as two numbers.
import { formatWanExact, parseWan } from '../../../shared/domain/money';
import type { Visit } from '../../../shared/domain/visit';

export interface VisitFormValues {
  type: Visit['type'];
  date: string;
  startTime: string;
  memberIds: string[];
  lat: number | null;
  lng: number | null;
  /** Where lat/lng came from: typed by hand, or taken from a photo's EXIF. */
  locationSource: 'photo' | 'typed';
  weather: string;
  progressNarrative: string;
  percentComplete: number | null;
  reportedInvestment: string;
  workersOnSite: number | null;
  machinesOnSite: number | null;
}

export const toVisitForm = (v: Visit): VisitFormValues => ({
  type: v.type,
  date: v.date,
  startTime: v.startTime ?? '',
  memberIds: v.memberIds,
  lat: v.location?.lat ?? null,
  lng: v.location?.lng ?? null,
  locationSource: v.location?.source ?? 'typed',
  weather: v.weather,
  progressNarrative: v.progressNarrative,
  percentComplete: v.percentComplete,
  reportedInvestment: v.reportedInvestment === null ? '' : formatWanExact(v.reportedInvestment),
  workersOnSite: v.workersOnSite,
  machinesOnSite: v.machinesOnSite,
});

/** The changes to save, or the name of the field that is wrong. */
export function fromVisitForm(
  values: VisitFormValues,
): { ok: true; changes: Partial<Visit> } | { ok: false; field: keyof VisitFormValues } {
  const investment = values.reportedInvestment.trim() === '' ? null : parseWan(values.reportedInvestment);
  if (values.reportedInvestment.trim() !== '' && investment === null)
    return { ok: false, field: 'reportedInvestment' };
  const hasLat = values.lat !== null && values.lat !== undefined;
  const hasLng = values.lng !== null && values.lng !== undefined;
  if (hasLat !== hasLng) return { ok: false, field: hasLat ? 'lng' : 'lat' };
  return {
    ok: true,
    changes: {
      type: values.type,
      date: values.date,
      startTime: values.startTime || null,
      memberIds: values.memberIds,
      location:
        hasLat && hasLng
          ? { lat: values.lat as number, lng: values.lng as number, source: values.locationSource }
          : null,
      weather: values.weather.trim(),
      progressNarrative: values.progressNarrative.trim(),
      percentComplete: values.percentComplete ?? null,
      reportedInvestment: investment,
      workersOnSite: values.workersOnSite ?? null,
      machinesOnSite: values.machinesOnSite ?? null,
    },
  };
}

/** The visit's own fields as the form holds them, in domain terms: what a save compares against. */
export function domainValues(values: VisitFormValues): Partial<Visit> {
  const result = fromVisitForm(values);
  return result.ok ? result.changes : {};
}

/**
 * A coordinate as the form shows it: 6 decimals (about 0.1 m). EXIF stores degrees, minutes and
 * seconds as fractions, and their decimal sum carries binary noise (22.784100000000002).
 */
export const roundCoordinate = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;

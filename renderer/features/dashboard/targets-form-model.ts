// Between the targets and the form that edits them: shares as percentages typed as text ("60"), the
// start deadline as a date. Checking gives, per field, what is wrong in words the form can show.
import { dayNumber } from '../../../shared/domain/dates';
import type { TargetValues } from '../../../shared/domain/targets';

export const SHARE_FIELDS = [
  'annualInvestmentShare',
  'startRate',
  'fundingArrivalShare',
  'completedAreaShare',
] as const;
type ShareField = (typeof SHARE_FIELDS)[number];

export type TargetsFormValues = Record<ShareField | 'startBy', string>;
export type TargetsFormError = 'required' | 'notANumber' | 'range' | 'date' | 'year';
export type TargetsCheck =
  | { ok: true; values: TargetValues }
  | { ok: false; errors: Partial<Record<keyof TargetsFormValues, TargetsFormError>> };

/** 0.6 → "60", 0.625 → "62.5". */
const percentText = (share: number): string => String(Number((share * 100).toFixed(2)));

export const formValuesOf = (targets: TargetValues): TargetsFormValues => ({
  annualInvestmentShare: percentText(targets.annualInvestmentShare),
  startRate: percentText(targets.startRate),
  fundingArrivalShare: percentText(targets.fundingArrivalShare),
  completedAreaShare: percentText(targets.completedAreaShare),
  startBy: targets.startBy,
});

/** A percentage as typed: full-width digits and a trailing % are fine ("６０％"). */
function readPercent(text: string): number | TargetsFormError {
  const cleaned = text.normalize('NFKC').trim().replace(/%$/, '').trim();
  if (cleaned === '') return 'required';
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return 'notANumber';
  const percent = Number(cleaned);
  if (percent < 0 || percent > 100) return 'range';
  // Rounded to a hundredth of a percent, so that 62.5 is stored as 0.625 and not 0.6250000000000001.
  return Math.round(percent * 100) / 10_000;
}

type DateError = Extract<TargetsFormError, 'required' | 'date' | 'year'>;

function readDate(text: string, year: number): { date: string } | { error: DateError } {
  const date = text.trim();
  if (date === '') return { error: 'required' };
  try {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return { error: 'date' };
    dayNumber(date); // throws on 2026-02-30
  } catch {
    return { error: 'date' };
  }
  return date.startsWith(`${year}-`) ? { date } : { error: 'year' };
}

export function checkTargetsForm(form: TargetsFormValues, year: number): TargetsCheck {
  const errors: Partial<Record<keyof TargetsFormValues, TargetsFormError>> = {};
  const shares = {} as Record<ShareField, number>;
  for (const field of SHARE_FIELDS) {
    const read = readPercent(form[field]);
    if (typeof read === 'number') shares[field] = read;
    else errors[field] = read;
  }
  const startBy = readDate(form.startBy, year);
  if ('error' in startBy) errors.startBy = startBy.error;
  if (Object.keys(errors).length > 0 || !('date' in startBy)) return { ok: false, errors };
  return { ok: true, values: { ...shares, startBy: startBy.date } };
}

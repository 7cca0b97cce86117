// How an amended field's values read in the history: labels and values in the user's language.
import type { TFunction } from 'i18next';
import { formatWanExact, type Fen } from '../../../shared/domain/money';
import type { AmendableVisitField } from '../../../shared/domain/visit-amendment';

/** The i18n key of each visit field's label, as the visit form names it (the conflict dialog uses it too). */
export const VISIT_FIELD_LABEL_KEYS: Record<AmendableVisitField, string> = {
  type: 'visits.fields.type',
  date: 'visits.fields.date',
  startTime: 'visits.fields.startTime',
  memberIds: 'visits.fields.members',
  location: 'visits.fields.location',
  weather: 'visits.fields.weather',
  progressNarrative: 'visits.fields.narrative',
  percentComplete: 'visits.fields.percentComplete',
  reportedInvestment: 'visits.fields.reportedInvestment',
  workersOnSite: 'visits.fields.workers',
  machinesOnSite: 'visits.fields.machines',
};

export const fieldLabel = (t: TFunction, field: AmendableVisitField): string =>
  t(VISIT_FIELD_LABEL_KEYS[field]);

export function formatAmendedValue(
  t: TFunction,
  field: AmendableVisitField,
  value: unknown,
  personName: (id: string) => string,
): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return t('amend.empty');
  const plain =
    typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  switch (field) {
    case 'type':
      return t(`visitType.${plain}`);
    case 'memberIds':
      return (value as string[]).map(personName).join('、');
    case 'location': {
      const { lat, lng } = value as { lat: number; lng: number };
      return `${lat.toFixed(5)}, ${lng.toFixed(5)}`;
    }
    case 'reportedInvestment':
      return `${formatWanExact(value as Fen)} ${t('shell.wan')}`;
    case 'percentComplete':
      return `${plain}%`;
    case 'date':
    case 'startTime':
    case 'weather':
    case 'progressNarrative':
    case 'workersOnSite':
    case 'machinesOnSite':
      return plain;
  }
}

// How the conflict dialog names a visit's fields and shows their values: the form's own labels, and
// values as the form shows them (types by name, members by name, amounts in 万元).
import type { TFunction } from 'i18next';
import { type Fen, formatWanExact } from '../../../shared/domain/money';
import type { Organization } from '../../db';
import { plainValue } from '../../ui/ConflictDialog';
import { VISIT_FIELD_LABEL_KEYS } from './amendment-format';

const LABEL_KEYS: Readonly<Record<string, string>> = VISIT_FIELD_LABEL_KEYS;

export function visitConflictText(t: TFunction, organization: Organization | undefined) {
  const labelOf = (field: string) => {
    const key = LABEL_KEYS[field];
    return key ? t(key) : field;
  };
  const formatValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (field === 'type' && typeof value === 'string') return t(`visitType.${value}`);
    if (field === 'memberIds' && Array.isArray(value))
      return value
        .map((id: string) => organization?.personNames.get(id) ?? t('shell.unknownName'))
        .join('、');
    if (field === 'reportedInvestment' && typeof value === 'number')
      return `${formatWanExact(value as Fen)} ${t('shell.wan')}`;
    if (field === 'percentComplete' && typeof value === 'number') return `${value}%`;
    if (field === 'location' && typeof value === 'object' && 'lat' in value && 'lng' in value)
      return `${String(value.lat)}, ${String(value.lng)}`;
    return plainValue(value);
  };
  return { labelOf, formatValue };
}

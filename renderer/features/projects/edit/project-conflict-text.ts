// How the conflict dialog names a project's fields and shows their values: the form's own labels, and
// values as the ledger shows them (names for ids, amounts in 万元, the scale and funding spelled out).
import type { TFunction } from 'i18next';
import { type Fen, formatWanExact } from '../../../../shared/domain/money';
import type { Project } from '../../../../shared/domain/project';
import type { Organization } from '../../../db';
import { plainValue } from '../../../ui/ConflictDialog';

const LABEL_KEYS: Readonly<Record<string, string>> = {
  name: 'projects.fields.name',
  category: 'projects.fields.category',
  regionId: 'projects.fields.region',
  owner: 'projects.fields.owner',
  responsibleUnitIds: 'projects.fields.responsibleUnits',
  leaderId: 'projects.fields.leader',
  totalInvestment: 'projects.fields.totalInvestment',
  planYear: 'projects.fields.planYear',
  annualPlan: 'projects.fields.annualPlan',
  completedThisYear: 'projects.fields.completedThisYear',
  completedTotal: 'projects.fields.completedTotal',
  phase: 'projects.fields.phase',
  scale: 'projects.sections.scale',
  funding: 'projects.sections.funding',
  milestones: 'projects.sections.milestones',
  notes: 'projects.fields.notes',
};

const MONEY = new Set(['totalInvestment', 'annualPlan', 'completedThisYear', 'completedTotal']);
const wan = (fen: number, unit: string) => `${formatWanExact(fen as Fen)} ${unit}`;

export function projectConflictText(t: TFunction, organization: Organization | undefined) {
  const labelOf = (field: string) => {
    const key = LABEL_KEYS[field];
    return key ? t(key) : field;
  };
  const formatValue = (field: string, value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (MONEY.has(field) && typeof value === 'number') return wan(value, t('shell.wan'));
    if (field === 'category' && typeof value === 'string') return t(`category.${value}`);
    if (field === 'phase' && typeof value === 'string') return t(`phase.${value}`);
    if (field === 'regionId' && typeof value === 'string')
      return organization?.regionNames.get(value) ?? value;
    if (field === 'leaderId' && typeof value === 'string')
      return organization?.personNames.get(value) ?? value;
    if (field === 'responsibleUnitIds' && Array.isArray(value))
      return value.map((id: string) => organization?.unitNames.get(id) ?? t('shell.unknownName')).join('、');
    if (field === 'scale') return scaleText(t, value as Project['scale']);
    if (field === 'funding')
      return (value as Project['funding'])
        .map(
          (f) =>
            `${t(`funding.${f.source}`)} ${wan(f.committed, t('shell.wan'))} / ${wan(f.arrived, t('shell.wan'))}`,
        )
        .join('；');
    if (field === 'milestones')
      return (value as Project['milestones'])
        .filter((m) => m.planned !== null || m.actual !== null)
        .map((m) => `${t(`milestone.${m.kind}`)} ${m.planned ?? '—'} / ${m.actual ?? '—'}`)
        .join('；');
    return plainValue(value);
  };
  return { labelOf, formatValue };
}

function scaleText(t: TFunction, scale: Project['scale']): string {
  const parts: string[] = [];
  const add = (key: string, v: number | string | null) => {
    if (v !== null && v !== '') parts.push(`${t(`projects.fields.${key}`)} ${v}`);
  };
  add('areaM2', scale.areaM2);
  add('completedAreaM2', scale.completedAreaM2);
  add('households', scale.households);
  add('capacityValue', scale.capacity ? `${scale.capacity.value} ${scale.capacity.unit}` : null);
  add('landMu', scale.landMu);
  add('scaleDescription', scale.description);
  return parts.join('；');
}

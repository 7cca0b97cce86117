// The words of the import preview's change list: a field by the label the app's forms give it, a value
// as the app shows it (an enum in words, an amount in 万元, an instant in the team's time zone, yes/no),
// and a record's kind. Falls back to the field's name and the raw value where the app has no words.
import type { TFunction } from 'i18next';
import type { Json } from '../../../../shared/sync/canonical-json';
import { formatWan, type Fen } from '../../../../shared/domain/money';
import type { SyncedTable } from '../../../../shared/sync/tables';
import { formatInstant } from '../../../ui/format-instant';

/** Message keys of field labels the app already has, per table; the rest fall to importPreview.common. */
const LABELS: Partial<Record<SyncedTable, Record<string, string>>> = {
  projects: {
    regionId: 'projects.fields.region',
    responsibleUnitIds: 'projects.fields.responsibleUnits',
    leaderId: 'projects.fields.leader',
    scale: 'projects.sections.scale',
    funding: 'projects.sections.funding',
    milestones: 'projects.sections.milestones',
  },
  visits: {
    projectId: 'visits.fields.project',
    memberIds: 'visits.fields.members',
    workersOnSite: 'visits.fields.workers',
    machinesOnSite: 'visits.fields.machines',
    progressNarrative: 'visits.fields.narrative',
  },
  issues: {
    title: 'visits.finding.title',
    projectId: 'issue.fields.project',
    responsibleUnitIds: 'issue.fields.units',
    responsiblePerson: 'issue.create.person',
    noticeNumber: 'issue.fields.notice',
    needsCoordination: 'issue.fields.coordination',
    description: 'issue.fields.description',
  },
};

/** Where a table's other fields have labels of the same name. */
const FIELD_SECTIONS: Partial<Record<SyncedTable, string>> = {
  projects: 'projects.fields',
  visits: 'visits.fields',
  issues: 'issue.fields',
};

type Exists = (key: string) => boolean;

export function fieldLabel(t: TFunction, exists: Exists, table: SyncedTable, field: string): string {
  const keys = [
    LABELS[table]?.[field],
    FIELD_SECTIONS[table] && `${FIELD_SECTIONS[table]}.${field}`,
    `importPreview.common.${field}`,
  ];
  for (const key of keys) if (key && exists(key)) return t(key);
  return field;
}

/** Enum values in words: per table and field, the message section that names each value. */
const ENUMS: Partial<Record<SyncedTable, Record<string, string>>> = {
  projects: { phase: 'phase', category: 'category' },
  visits: { type: 'visitType', status: 'visits.status' },
  issues: { category: 'issueCategory', severity: 'severity', status: 'issue.status' },
  issueEvents: { fromStatus: 'issue.status', toStatus: 'issue.status', kind: 'issue.events' },
};

const MONEY = new Set([
  'totalInvestment',
  'annualPlan',
  'completedThisYear',
  'completedTotal',
  'reportedInvestment',
]);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

export function valueText(
  t: TFunction,
  exists: Exists,
  table: SyncedTable,
  field: string,
  value: Json,
): string {
  if (value === null || value === '') return t('importPreview.empty');
  if (typeof value === 'boolean') return t(value ? 'importPreview.yes' : 'importPreview.no');
  if (typeof value === 'number' && MONEY.has(field))
    return t('importPreview.wan', { amount: formatWan(value as Fen) });
  if (typeof value === 'string') {
    const section = ENUMS[table]?.[field];
    if (section && exists(`${section}.${value}`)) return t(`${section}.${value}`);
    if (INSTANT.test(value)) return formatInstant(value);
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('、');
  return JSON.stringify(value);
}

export const tableLabel = (t: TFunction, table: SyncedTable): string => t(`importPreview.tables.${table}`);

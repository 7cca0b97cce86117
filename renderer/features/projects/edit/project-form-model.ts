// Between a Project and what the form edits: amounts as 万元 text (never floats), dates as text,
// empty fields as empty. Converting back validates with the domain schema, so the form can never
// save what the ledger could not hold.
import { formatWanExact, parseWan, type Fen } from '../../../../shared/domain/money';
import type { FUNDING_SOURCES } from '../../../../shared/domain/project';
import {
  MILESTONE_KINDS,
  type MilestoneKind,
  type Project,
  ProjectSchema,
} from '../../../../shared/domain/project';

type FundingSource = (typeof FUNDING_SOURCES)[number];

export interface ProjectFormValues {
  name: string;
  category: Project['category'];
  regionId: string | undefined;
  owner: string;
  responsibleUnitIds: string[];
  leaderId: string | null | undefined;
  totalInvestment: string;
  planYear: number;
  annualPlan: string;
  completedThisYear: string;
  completedTotal: string;
  phase: Project['phase'];
  areaM2: number | null | undefined;
  completedAreaM2: number | null | undefined;
  households: number | null | undefined;
  capacityValue: number | null | undefined;
  capacityUnit: string | undefined;
  landMu: number | null | undefined;
  scaleDescription: string;
  funding: { source: FundingSource; committed: string; arrived: string }[];
  milestones: Record<MilestoneKind, { planned: string; actual: string }>;
  notes: string;
}

export const MONEY_FIELDS = ['totalInvestment', 'annualPlan', 'completedThisYear', 'completedTotal'] as const;

const money = formatWanExact;
const orNull = <T>(v: T | null | undefined): T | null => (v === undefined || v === '' ? null : v);

export function emptyFormValues(planYear: number): ProjectFormValues {
  return {
    name: '',
    category: 'other',
    regionId: undefined,
    owner: '',
    responsibleUnitIds: [],
    leaderId: null,
    totalInvestment: '0',
    planYear,
    annualPlan: '0',
    completedThisYear: '0',
    completedTotal: '0',
    phase: 'preparation',
    areaM2: null,
    completedAreaM2: null,
    households: null,
    capacityValue: null,
    capacityUnit: undefined,
    landMu: null,
    scaleDescription: '',
    funding: [],
    milestones: Object.fromEntries(
      MILESTONE_KINDS.map((k) => [k, { planned: '', actual: '' }]),
    ) as ProjectFormValues['milestones'],
    notes: '',
  };
}

export function toFormValues(p: Project): ProjectFormValues {
  const milestones = emptyFormValues(p.planYear).milestones;
  for (const m of p.milestones) milestones[m.kind] = { planned: m.planned ?? '', actual: m.actual ?? '' };
  return {
    name: p.name,
    category: p.category,
    regionId: p.regionId,
    owner: p.owner,
    responsibleUnitIds: p.responsibleUnitIds,
    leaderId: p.leaderId,
    totalInvestment: money(p.totalInvestment),
    planYear: p.planYear,
    annualPlan: money(p.annualPlan),
    completedThisYear: money(p.completedThisYear),
    completedTotal: money(p.completedTotal),
    phase: p.phase,
    areaM2: p.scale.areaM2,
    completedAreaM2: p.scale.completedAreaM2,
    households: p.scale.households,
    capacityValue: p.scale.capacity?.value ?? null,
    capacityUnit: p.scale.capacity?.unit,
    landMu: p.scale.landMu,
    scaleDescription: p.scale.description,
    funding: p.funding.map((f) => ({
      source: f.source,
      committed: money(f.committed),
      arrived: money(f.arrived),
    })),
    milestones,
    notes: p.notes,
  };
}

/** A project's own fields, without its id and timestamps: what a save compares field by field. */
export function domainOf(project: Project): Partial<Project> {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = project;
  return fields;
}

/**
 * The project as the form shows it, in domain terms: the base a save compares against, so a field
 * the form cannot show exactly (e.g. a name with trailing spaces) is not taken for a change.
 */
export function baseOf(values: ProjectFormValues, project: Project): Partial<Project> {
  const result = fromFormValues(values, project);
  return result.ok ? domainOf(result.project) : domainOf(project);
}

/** A field the form should mark, by its path in the form. */
export interface FieldProblem {
  name: (string | number)[];
  problem: 'required' | 'notAnAmount' | 'invalid';
  detail?: string;
}

export type FromFormResult = { ok: true; project: Project } | { ok: false; problems: FieldProblem[] };

export function fromFormValues(
  v: ProjectFormValues,
  base: Pick<Project, 'id' | 'createdAt' | 'updatedAt'>,
): FromFormResult {
  const problems: FieldProblem[] = [];
  const amount = (text: string, name: (string | number)[]): Fen => {
    const parsed = parseWan(text.trim() === '' ? '0' : text);
    if (parsed === null) problems.push({ name, problem: 'notAnAmount' });
    return parsed ?? (0 as Fen);
  };
  if (!v.name.trim()) problems.push({ name: ['name'], problem: 'required' });
  if (!v.regionId) problems.push({ name: ['regionId'], problem: 'required' });

  const project: Project = {
    ...base,
    name: v.name.trim(),
    category: v.category,
    regionId: v.regionId ?? '',
    owner: v.owner.trim(),
    responsibleUnitIds: v.responsibleUnitIds,
    leaderId: orNull(v.leaderId),
    totalInvestment: amount(v.totalInvestment, ['totalInvestment']),
    planYear: v.planYear,
    annualPlan: amount(v.annualPlan, ['annualPlan']),
    completedThisYear: amount(v.completedThisYear, ['completedThisYear']),
    completedTotal: amount(v.completedTotal, ['completedTotal']),
    scale: {
      areaM2: orNull(v.areaM2),
      completedAreaM2: orNull(v.completedAreaM2),
      households: orNull(v.households),
      capacity:
        v.capacityValue !== null && v.capacityValue !== undefined && v.capacityUnit
          ? { value: v.capacityValue, unit: v.capacityUnit }
          : null,
      landMu: orNull(v.landMu),
      description: v.scaleDescription.trim(),
    },
    funding: v.funding.map((f, i) => ({
      source: f.source,
      committed: amount(f.committed, ['funding', i, 'committed']),
      arrived: amount(f.arrived, ['funding', i, 'arrived']),
    })),
    phase: v.phase,
    milestones: MILESTONE_KINDS.map((kind) => ({
      kind,
      planned: orNull(v.milestones[kind].planned),
      actual: orNull(v.milestones[kind].actual),
    })),
    notes: v.notes.trim(),
  };
  if (problems.length > 0) return { ok: false, problems };

  const checked = ProjectSchema.safeParse(project);
  if (!checked.success) {
    return {
      ok: false,
      problems: checked.error.issues.map((issue) => ({
        name: formPathOf(issue.path),
        problem: 'invalid',
        detail: issue.message,
      })),
    };
  }
  return { ok: true, project };
}

/** Maps a schema path (scale.areaM2, milestones.3.planned) to the form's field path. */
function formPathOf(path: readonly PropertyKey[]): (string | number)[] {
  const [head, second, third] = path;
  if (head === 'scale' && typeof second === 'string') {
    if (second === 'capacity') return ['capacityValue'];
    if (second === 'description') return ['scaleDescription'];
    return [second];
  }
  if (head === 'milestones' && typeof second === 'number' && typeof third === 'string') {
    return ['milestones', MILESTONE_KINDS[second] ?? '', third];
  }
  return path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
}

// The project ledger (项目台账): the named projects of the catalogue and, for large samples, extra
// projects made by varying them ("<county><category>项目<n>").
import { parseWan, type Fen } from '../domain/money';
import {
  MILESTONE_KINDS,
  type FundingLine,
  type Milestone,
  type MilestoneKind,
  type Project,
  type ProjectCategory,
  type ProjectPhase,
  type Scale,
} from '../domain/project';
import { NAMED_PROJECTS, type ProjectSpec, scale } from './catalogue';
import type { GenContext } from './context';
import { addDays, isoInstant } from './dates';
import { type Organization, unitIn } from './organization';
import { COUNTY_KEYS, countyOf, place as placeOf, type Place } from './places';
import { mobilePhone, personName } from './people';
import type { Rng } from './random';
import { CATEGORY_LABELS } from './texts';
import type { UnitKind } from './units';

export interface ProjectInfo {
  project: Project;
  /** The catalogue key of a named project; null for generated ones. */
  key: string | null;
  place: Place;
  /** Where the site is: the place's coordinates moved a little, per project. */
  location: { lat: number; lng: number; altitude: number };
  siteRep: { id: string; name: string };
  /** Percent complete at the latest visit. */
  percentComplete: number;
  unitKinds: UnitKind[];
}

export const wan = (text: string): Fen => {
  const amount = parseWan(text);
  if (amount === null) throw new Error(`bad 万元 amount in the catalogue: ${text}`);
  return amount;
};

const DEFAULT_UNITS: Record<ProjectCategory, UnitKind[]> = {
  sewage: ['construction', 'water', 'development', 'environment'],
  waste: ['construction', 'environment', 'development'],
  lowRentHousing: ['construction', 'landResources', 'finance'],
  affordableHousing: ['construction', 'landResources', 'planning'],
  shantyTown: ['construction', 'landResources', 'finance', 'government'],
  industrialPark: ['development', 'landResources', 'planning', 'power'],
  industry: ['development', 'environment', 'landResources'],
  transport: ['transport', 'landResources', 'government'],
  other: ['development'],
};

const CATEGORY_WEIGHTS: readonly (readonly [ProjectCategory, number])[] = [
  ['sewage', 10],
  ['waste', 8],
  ['lowRentHousing', 14],
  ['affordableHousing', 12],
  ['shantyTown', 8],
  ['industrialPark', 8],
  ['industry', 22],
  ['transport', 14],
  ['other', 4],
];

const PHASE_WEIGHTS: readonly (readonly [ProjectPhase, number])[] = [
  ['preparation', 20],
  ['underConstruction', 45],
  ['continuing', 20],
  ['completed', 10],
  ['operating', 5],
];

/** Who builds a public project of each category (appended to the county's name). */
const PUBLIC_OWNERS: Record<ProjectCategory, string> = {
  sewage: '住房和城乡建设局',
  waste: '住房和城乡建设局',
  lowRentHousing: '住房和城乡建设局',
  affordableHousing: '住房和城乡建设局',
  shantyTown: '住房和城乡建设局',
  industrialPark: '工业园区管理委员会',
  industry: '发展和改革局',
  transport: '交通运输局',
  other: '发展和改革局',
};

/** Total investment range (万元) by category. */
const TOTAL_RANGE: Record<ProjectCategory, [number, number]> = {
  sewage: [3000, 20000],
  waste: [1500, 6000],
  lowRentHousing: [2000, 8000],
  affordableHousing: [5000, 30000],
  shantyTown: [10000, 60000],
  industrialPark: [8000, 40000],
  industry: [5000, 300000],
  transport: [3000, 20000],
  other: [500, 5000],
};

function milestoneList(specs: [MilestoneKind, number | null, number | null][], today: string): Milestone[] {
  const bySpec = new Map(specs.map(([kind, planned, actual]) => [kind, { planned, actual }]));
  return MILESTONE_KINDS.map((kind) => {
    const s = bySpec.get(kind);
    return {
      kind,
      planned: s?.planned === undefined || s.planned === null ? null : addDays(today, s.planned),
      actual: s?.actual === undefined || s.actual === null ? null : addDays(today, s.actual),
    };
  });
}

/** Milestones of a generated project: the ones its phase has reached have actual dates, some late. */
function genericMilestones(rng: Rng, phase: ProjectPhase): [MilestoneKind, number | null, number | null][] {
  const reached = {
    preparation: rng.int(1, 4),
    underConstruction: 7,
    continuing: rng.int(7, 8),
    completed: 9,
    operating: 10,
  }[phase];
  const gaps = [0, 40, 50, 30, 40, 40, 60, 300, 120, 60];
  const planned: number[] = [];
  let at = 0;
  for (const gap of gaps) {
    at += Math.round(gap * rng.float(0.6, 1.5));
    planned.push(at);
  }
  const shift = -rng.int(5, 60) - (planned[reached - 1] ?? 0);
  return MILESTONE_KINDS.map((kind, i) => {
    const p = (planned[i] ?? 0) + shift;
    if (i >= reached) return [kind, p, null];
    const actual = Math.min(p + rng.int(-5, 45), -1);
    return [kind, p, actual];
  });
}

function genericScale(rng: Rng, category: ProjectCategory, totalWan: number, percent: number): Scale {
  const s: Scale = scale({});
  switch (category) {
    case 'lowRentHousing':
    case 'affordableHousing':
    case 'shantyTown': {
      const area = Math.round((totalWan * 10_000) / rng.int(1500, 2500) / 10) * 10;
      s.areaM2 = area;
      s.households = Math.round(area / rng.int(50, 80));
      s.completedAreaM2 = percent >= 60 ? Math.round((area * (percent - 40)) / 60 / 10) * 10 : 0;
      s.description = `建筑面积${String(area)}平方米，${String(s.households)}户`;
      break;
    }
    case 'sewage':
      s.capacity = { value: rng.int(5, 50) / 10, unit: '万吨/日' };
      s.description = `日处理污水${String(s.capacity.value)}万吨`;
      break;
    case 'waste':
      s.capacity = { value: rng.int(8, 30) * 10, unit: '吨/日' };
      s.landMu = rng.int(50, 200);
      break;
    case 'industry':
    case 'industrialPark':
      s.landMu = rng.int(50, 1500);
      if (category === 'industry') s.capacity = { value: rng.int(5, 100), unit: '万吨/年' };
      break;
    case 'transport':
      s.description = `道路${String(rng.int(10, 150) / 10)}公里`;
      break;
    case 'other':
      break;
  }
  return s;
}

function genericFunding(rng: Rng, category: ProjectCategory, totalWan: number): ProjectSpec['funding'] {
  const sources: FundingLine['source'][] =
    category === 'industry'
      ? ['private', 'loan']
      : category === 'transport' || category === 'industrialPark'
        ? ['provincial', 'countyMatch', 'loan']
        : ['centralSubsidy', 'provincial', 'countyMatch'];
  const shares = sources.map(() => rng.float(0.5, 1.5));
  const sum = shares.reduce((a, b) => a + b, 0);
  return sources.map((source, i) => {
    const committed = Math.round((totalWan * (shares[i] ?? 1)) / sum);
    const arrived = Math.round(committed * rng.float(source === 'countyMatch' ? 0.05 : 0.2, 1));
    return { source, committedWan: String(committed), arrivedWan: String(arrived) };
  });
}

/** Extra projects, varied from the catalogue: county, category, phase and figures drawn from the seed. */
function genericSpec(rng: Rng, n: number): ProjectSpec {
  const county = placeOf(rng.pick(COUNTY_KEYS));
  const category = rng.weighted(CATEGORY_WEIGHTS);
  const phase = rng.weighted(PHASE_WEIGHTS);
  const [lo, hi] = TOTAL_RANGE[category];
  const totalWan = Math.round(rng.float(lo, hi) / 10) * 10;
  const percent = {
    preparation: rng.int(0, 8),
    underConstruction: rng.int(10, 80),
    continuing: rng.int(40, 95),
    completed: 100,
    operating: 100,
  }[phase];
  const completedTotal = Math.min(totalWan, (totalWan * percent * rng.float(0.9, 1.05)) / 100);
  const annualPlan = totalWan * rng.float(0.2, 0.5);
  const thisYear = Math.min(completedTotal, annualPlan * rng.float(0.1, 1.1));
  const owner =
    category === 'industry'
      ? `${county.short}${rng.pick(['宏达', '鑫源', '华通', '恒泰', '永昌', '泰和'])}${rng.pick(['实业', '建材', '化工', '农牧'])}有限公司`
      : county.name + PUBLIC_OWNERS[category];
  return {
    key: `extra-${String(n)}`,
    name: `${county.name}${CATEGORY_LABELS[category]}项目${String(n)}`,
    category,
    placeKey: county.key,
    owner,
    unitKinds: DEFAULT_UNITS[category],
    leaderKey: '',
    totalWan: String(totalWan),
    annualPlanWan: annualPlan.toFixed(2),
    completedThisYearWan: thisYear.toFixed(2),
    completedTotalWan: completedTotal.toFixed(2),
    scale: genericScale(rng, category, totalWan, percent),
    funding: genericFunding(rng, category, totalWan),
    phase,
    milestones: genericMilestones(rng, phase),
    percentComplete: percent,
    notes: '',
  };
}

/** The named projects to include for a campaign of `count` projects (all when count ≥ their number). */
export function namedSpecs(count: number): readonly ProjectSpec[] {
  return NAMED_PROJECTS.slice(0, count);
}

export function buildProjects(ctx: GenContext, org: Organization, count: number): ProjectInfo[] {
  const rng = ctx.rng.fork('projects');
  const extraRng = ctx.rng.fork('projects:extra');
  const projectId = ctx.ids('projects');
  const out: ProjectInfo[] = [];
  const named = namedSpecs(count);
  for (let i = 0; i < count; i++) {
    const spec = named[i] ?? genericSpec(extraRng, i - named.length + 1);
    const isNamed = i < named.length;
    const p = placeOf(spec.placeKey);
    const unitPlace = p.level === 'town' ? countyOf(p.key) : p;
    const r = isNamed ? rng : extraRng;

    const unitIds = new Set<string>();
    for (const kind of spec.unitKinds) {
      const id = unitIn(org, unitPlace.key, kind);
      if (id !== undefined) unitIds.add(id);
    }
    const enterprise = org.unitIdByKey.get(`enterprise:${spec.key}`);
    if (enterprise !== undefined) unitIds.add(enterprise);

    const leaderId = isNamed
      ? (org.leaderIdByKey.get(spec.leaderKey) ?? null)
      : r.pick([...(org.leaderIdsByPlace.get(unitPlace.key) ?? []), null]);

    // Named projects get their own site representative; generated ones share a pool.
    let siteRep = r.pick(org.siteRepPool.length > 0 ? org.siteRepPool : [{ id: '', name: '' }]);
    if (isNamed || siteRep.id === '') {
      const name = personName(r, org.names);
      const title = enterprise !== undefined ? '业主项目负责人' : '项目经理（施工单位）';
      siteRep = { id: org.addPerson(name, title, enterprise ?? null, mobilePhone(r)), name };
    }

    const spread = p.level === 'town' ? 0.01 : 0.03;
    const location = {
      lat: Math.round((p.lat + r.float(-spread, spread)) * 1e6) / 1e6,
      lng: Math.round((p.lng + r.float(-spread, spread)) * 1e6) / 1e6,
      altitude: p.altitude + r.int(-30, 60),
    };

    const createdMs = ctx.setupMs + 3_600_000 + i * 1000;
    const project: Project = {
      id: projectId(createdMs),
      createdAt: isoInstant(createdMs),
      updatedAt: isoInstant(createdMs),
      name: spec.name,
      category: spec.category,
      regionId: org.regionIdByPlace.get(p.key) ?? '',
      owner: spec.owner,
      responsibleUnitIds: [...unitIds],
      leaderId,
      totalInvestment: wan(spec.totalWan),
      planYear: ctx.year,
      annualPlan: wan(spec.annualPlanWan),
      completedThisYear: wan(spec.completedThisYearWan),
      completedTotal: wan(spec.completedTotalWan),
      scale: isNamed ? structuredClone(spec.scale) : spec.scale,
      funding: spec.funding.map((f) => ({
        source: f.source,
        committed: wan(f.committedWan),
        arrived: wan(f.arrivedWan),
      })),
      phase: spec.phase,
      milestones: milestoneList(spec.milestones, ctx.today),
      notes: spec.notes,
    };
    out.push({
      project,
      key: isNamed ? spec.key : null,
      place: p,
      location,
      siteRep,
      percentComplete: spec.percentComplete,
      unitKinds: spec.unitKinds,
    });
  }
  return out;
}

// Builds the regions, units, people and teams of the sample from places.ts, units.ts and people.ts.
import type { Person, Region, Team, Unit } from '../domain/organization';
import type { GenContext } from './context';
import { isoInstant } from './dates';
import { COUNTY_KEYS, PLACES, place as placeOf } from './places';
import { INSPECTORS, LEADERS, mobilePhone, officePhone, personName } from './people';
import { SUPERVISION_OFFICE, type UnitKind, type UnitSpec, unitKey, unitsOfPlace } from './units';

export interface TeamInfo {
  team: Team;
  leaderName: string;
  members: { id: string; name: string }[];
}

export interface Organization {
  regions: Region[];
  units: Unit[];
  people: Person[];
  teams: TeamInfo[];
  regionIdByPlace: Map<string, string>;
  /** By unitKey(place, kind), the office key, or `enterprise:<projectKey>`. */
  unitIdByKey: Map<string, string>;
  /** The person who answers for each unit (by unit id): the responsible person of its issues. */
  unitHeadName: Map<string, string>;
  leaderIdByKey: Map<string, string>;
  /** Leaders of each city or county, for extra projects. */
  leaderIdsByPlace: Map<string, string[]>;
  /** Builders' site representatives for projects without their own (large samples). */
  siteRepPool: { id: string; name: string }[];
  names: Set<string>;
  /** Adds a person (a project's own site representative) and returns its id. */
  addPerson(name: string, title: string, unitId: string | null, phone: string): string;
}

export interface EnterpriseOwner {
  projectKey: string;
  name: string;
  placeKey: string;
}

const COMPANY_SUFFIXES = ['有限责任公司', '有限公司', '集团'];

/** 超强实业有限责任公司 → 超强实业. */
function shortCompanyName(name: string): string {
  const suffix = COMPANY_SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  return (suffix === undefined ? name : name.slice(0, -suffix.length)).slice(0, 20);
}

export function buildOrganization(
  ctx: GenContext,
  enterprises: readonly EnterpriseOwner[],
  siteRepPoolSize: number,
): Organization {
  const rng = ctx.rng.fork('organization');
  const regionId = ctx.ids('regions');
  const unitId = ctx.ids('units');
  const personId = ctx.ids('people');
  const teamId = ctx.ids('teams');
  // Set-up records are a second apart, in the order the office entered them.
  let clock = ctx.setupMs;
  const tick = (): number => (clock += 1000);
  const stamp = (ms: number): { createdAt: string; updatedAt: string } => ({
    createdAt: isoInstant(ms),
    updatedAt: isoInstant(ms),
  });

  const regions: Region[] = [];
  const regionIdByPlace = new Map<string, string>();
  for (const p of PLACES) {
    const ms = tick();
    const id = regionId(ms);
    regionIdByPlace.set(p.key, id);
    const parentId = p.parentKey === null ? null : (regionIdByPlace.get(p.parentKey) ?? null);
    regions.push({ id, ...stamp(ms), name: p.name, level: p.level, parentId });
  }

  const units: Unit[] = [];
  const unitIdByKey = new Map<string, string>();
  const unitSpecs: UnitSpec[] = [SUPERVISION_OFFICE, ...PLACES.flatMap(unitsOfPlace)];
  for (const e of enterprises) {
    unitSpecs.push({
      key: `enterprise:${e.projectKey}`,
      name: e.name,
      shortName: shortCompanyName(e.name),
      kind: 'enterprise',
      placeKey: e.placeKey,
      headTitle: '项目负责人',
    });
  }
  for (const spec of unitSpecs) {
    const ms = tick();
    const id = unitId(ms);
    unitIdByKey.set(spec.key, id);
    const regionOfUnit = spec.placeKey === null ? null : (regionIdByPlace.get(spec.placeKey) ?? null);
    units.push({
      id,
      ...stamp(ms),
      name: spec.name,
      shortName: spec.shortName,
      kind: spec.kind,
      regionId: regionOfUnit,
    });
  }

  const people: Person[] = [];
  const names = new Set<string>([...INSPECTORS.map((i) => i.name), ...LEADERS.map((l) => l.name)]);
  const addPerson = (name: string, title: string, unit: string | null, phone: string): string => {
    const ms = tick();
    const id = personId(ms);
    people.push({ id, ...stamp(ms), name, title, unitId: unit, phone });
    return id;
  };

  const officeId = unitIdByKey.get(SUPERVISION_OFFICE.key) ?? null;
  const inspectorIds = new Map<string, string>();
  for (const i of INSPECTORS) inspectorIds.set(i.key, addPerson(i.name, i.title, officeId, mobilePhone(rng)));

  const leaderIdByKey = new Map<string, string>();
  const leaderIdsByPlace = new Map<string, string[]>();
  for (const l of LEADERS) {
    const p = placeOf(l.placeKey);
    const unit = unitIdByKey.get(unitKey(l.placeKey, 'government')) ?? null;
    const id = addPerson(l.name, l.title, unit, officePhone(rng, p.areaCode));
    leaderIdByKey.set(l.key, id);
    leaderIdsByPlace.set(l.placeKey, [...(leaderIdsByPlace.get(l.placeKey) ?? []), id]);
  }

  // Every unit has someone who answers for it; a county government is answered for by its leader.
  const unitHeadName = new Map<string, string>();
  for (const spec of unitSpecs) {
    const id = unitIdByKey.get(spec.key);
    if (id === undefined) continue;
    if (spec.key === SUPERVISION_OFFICE.key) {
      unitHeadName.set(id, INSPECTORS[0]?.name ?? '督查室');
      continue;
    }
    const leader = spec.kind === 'government' ? LEADERS.find((l) => l.placeKey === spec.placeKey) : undefined;
    if (leader) {
      unitHeadName.set(id, leader.name);
      continue;
    }
    const name = personName(rng, names);
    const areaCode = spec.placeKey === null ? '0879' : placeOf(spec.placeKey).areaCode;
    addPerson(name, `${spec.shortName}${spec.headTitle}`, id, officePhone(rng, areaCode));
    unitHeadName.set(id, name);
  }

  // Counties without a leader of their own (none in the catalogue today) borrow their city's.
  for (const county of COUNTY_KEYS) {
    if (!leaderIdsByPlace.has(county)) {
      const parent = placeOf(county).parentKey;
      leaderIdsByPlace.set(county, parent === null ? [] : (leaderIdsByPlace.get(parent) ?? []));
    }
  }

  const siteRepPool: { id: string; name: string }[] = [];
  for (let i = 0; i < siteRepPoolSize; i++) {
    const name = personName(rng, names);
    siteRepPool.push({ id: addPerson(name, '项目经理（施工单位）', null, mobilePhone(rng)), name });
  }

  const teamDefs: { name: string; prefix: string; keys: string[] }[] = [
    { name: '第一督查组', prefix: '督查', keys: ['zhou', 'li', 'wang', 'yang'] },
    { name: '第二督查组（专项督查）', prefix: '督查专', keys: ['he', 'chen', 'liu', 'zhao'] },
  ];
  const teams: TeamInfo[] = teamDefs.map((def) => {
    const members = def.keys.map((key) => {
      const inspector = INSPECTORS.find((i) => i.key === key);
      return { id: inspectorIds.get(key) ?? '', name: inspector?.name ?? '' };
    });
    const ms = tick();
    const team: Team = {
      id: teamId(ms),
      ...stamp(ms),
      name: def.name,
      leaderId: members[0]?.id ?? null,
      memberIds: members.map((m) => m.id),
      documentPrefix: def.prefix,
    };
    return { team, leaderName: members[0]?.name ?? '', members };
  });

  return {
    regions,
    units,
    people,
    teams,
    regionIdByPlace,
    unitIdByKey,
    unitHeadName,
    leaderIdByKey,
    leaderIdsByPlace,
    siteRepPool,
    names,
    addPerson,
  };
}

/** The unit of a kind in a place (county or city), if there is one. */
export function unitIn(org: Organization, placeKey: string, kind: UnitKind): string | undefined {
  return org.unitIdByKey.get(unitKey(placeKey, kind));
}

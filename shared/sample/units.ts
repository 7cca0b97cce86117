// The responsible units (责任单位) of the sample: in every county (or district) the departments the
// speeches name — 发改, 国土, 住建, 水务, 林业, 环保, 规划, 财政, 供电, 交通 — and its government; in
// every city its 发改委, 住建局 and 财政局; the enterprise project owners; and the supervision office.
import type { Unit } from '../domain/organization';
import type { Place } from './places';

export type UnitKind = Unit['kind'];

/** Full name and short name of a department of a place. */
const COUNTY_DEPARTMENTS: readonly [UnitKind, string, string][] = [
  ['development', '发展和改革局', '发改局'],
  ['landResources', '国土资源局', '国土局'],
  ['construction', '住房和城乡建设局', '住建局'],
  ['water', '水务局', '水务局'],
  ['forestry', '林业局', '林业局'],
  ['environment', '环境保护局', '环保局'],
  ['planning', '规划局', '规划局'],
  ['finance', '财政局', '财政局'],
  ['power', '供电局', '供电局'],
  ['transport', '交通运输局', '交通局'],
];

const CITY_DEPARTMENTS: readonly [UnitKind, string, string][] = [
  ['development', '发展和改革委员会', '发改委'],
  ['construction', '住房和城乡建设局', '住建局'],
  ['finance', '财政局', '财政局'],
  ['landResources', '国土资源局', '国土局'],
];

export interface UnitSpec {
  key: string;
  name: string;
  shortName: string;
  kind: UnitKind;
  placeKey: string | null;
  /** The title of the person who answers for the unit. */
  headTitle: string;
}

export const SUPERVISION_OFFICE_KEY = 'office';

export function unitKey(placeKey: string, kind: UnitKind): string {
  return `${placeKey}:${kind}`;
}

/** The units of one place: departments and, for a county, its government. */
export function unitsOfPlace(place: Place): UnitSpec[] {
  if (place.level === 'town') return [];
  const departments = place.level === 'city' ? CITY_DEPARTMENTS : COUNTY_DEPARTMENTS;
  const out: UnitSpec[] = departments.map(([kind, name, short]) => ({
    key: unitKey(place.key, kind),
    name: place.name + name,
    shortName: place.short + short,
    kind,
    placeKey: place.key,
    headTitle: kind === 'development' && place.level === 'city' ? '主任' : '局长',
  }));
  if (place.level === 'county') {
    out.push({
      key: unitKey(place.key, 'government'),
      name: `${place.name}人民政府`,
      shortName: `${place.short}政府`,
      kind: 'government',
      placeKey: place.key,
      headTitle: place.name.endsWith('县') ? '副县长' : '副区长',
    });
  }
  return out;
}

export const SUPERVISION_OFFICE: UnitSpec = {
  key: SUPERVISION_OFFICE_KEY,
  name: '市人民政府督查室',
  shortName: '督查室',
  kind: 'government',
  placeKey: null,
  headTitle: '主任',
};

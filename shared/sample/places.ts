// The places of the sample campaign: the cities and counties the speeches name (思茅, 宁洱, 景谷 in
// 普洱市; 东川 in 昆明市; 峰峰矿区 in 邯郸市; the housing projects of 平顶山市) and a few towns.
// Regions carry no coordinates, so each place keeps approximate real ones here for photo GPS and
// typed visit locations.
import type { Region } from '../domain/organization';

export interface Place {
  key: string;
  name: string;
  /** Short form used in unit and project names (思茅, 宁洱 …). */
  short: string;
  level: Region['level'];
  parentKey: string | null;
  lat: number;
  lng: number;
  /** Metres above sea level, roughly. */
  altitude: number;
  /** Telephone area code, for plausible office numbers. */
  areaCode: string;
}

/** [key, name, short, level, parent, lat, lng, altitude, area code] */
type PlaceRow = [string, string, string, Place['level'], string | null, number, number, number, string];

const ROWS: PlaceRow[] = [
  ['puer', '普洱市', '普洱', 'city', null, 22.825, 100.966, 1300, '0879'],
  ['simao', '思茅区', '思茅', 'county', 'puer', 22.787, 100.977, 1320, '0879'],
  ['ninger', '宁洱县', '宁洱', 'county', 'puer', 23.063, 101.045, 1330, '0879'],
  ['jinggu', '景谷县', '景谷', 'county', 'puer', 23.497, 100.702, 920, '0879'],
  ['kunming', '昆明市', '昆明', 'city', null, 25.04, 102.712, 1890, '0871'],
  ['dongchuan', '东川区', '东川', 'county', 'kunming', 26.083, 103.188, 1250, '0871'],
  ['handan', '邯郸市', '邯郸', 'city', null, 36.625, 114.539, 60, '0310'],
  ['fengfeng', '峰峰矿区', '峰峰', 'county', 'handan', 36.419, 114.212, 200, '0310'],
  ['pingdingshan', '平顶山市', '平顶山', 'city', null, 33.766, 113.193, 100, '0375'],
  ['xinhua', '新华区', '新华', 'county', 'pingdingshan', 33.737, 113.298, 105, '0375'],
  ['weidong', '卫东区', '卫东', 'county', 'pingdingshan', 33.735, 113.335, 100, '0375'],
  ['zhanhe', '湛河区', '湛河', 'county', 'pingdingshan', 33.725, 113.321, 95, '0375'],
  ['yexian', '叶县', '叶县', 'county', 'pingdingshan', 33.626, 113.357, 90, '0375'],
  // Towns (乡镇/街道) where projects sit.
  ['simao-nanping', '南屏镇', '南屏', 'town', 'simao', 22.751, 100.972, 1310, '0879'],
  ['ninger-town', '宁洱镇', '宁洱镇', 'town', 'ninger', 23.061, 101.04, 1320, '0879'],
  ['jinggu-weiyuan', '威远镇', '威远', 'town', 'jinggu', 23.5, 100.705, 915, '0879'],
  ['dongchuan-bigu', '碧谷街道', '碧谷', 'town', 'dongchuan', 26.06, 103.17, 1230, '0871'],
  ['fengfeng-dayu', '大峪镇', '大峪', 'town', 'fengfeng', 36.5, 114.16, 260, '0310'],
  ['fengfeng-hecun', '和村镇', '和村', 'town', 'fengfeng', 36.45, 114.3, 150, '0310'],
];

export const PLACES: readonly Place[] = ROWS.map(
  ([key, name, short, level, parentKey, lat, lng, altitude, areaCode]) => ({
    key,
    name,
    short,
    level,
    parentKey,
    lat,
    lng,
    altitude,
    areaCode,
  }),
);

/** The counties (and districts) projects are spread over when the generator makes extra projects. */
export const COUNTY_KEYS: readonly string[] = PLACES.filter((p) => p.level === 'county').map((p) => p.key);

const BY_KEY = new Map(PLACES.map((p) => [p.key, p]));

export function place(key: string): Place {
  const found = BY_KEY.get(key);
  if (!found) throw new Error(`unknown place ${key}`);
  return found;
}

/** The county a place belongs to (itself for a county); responsible units are per county. */
export function countyOf(key: string): Place {
  let p = place(key);
  while (p.level === 'town' && p.parentKey) p = place(p.parentKey);
  return p;
}

// Finding the regions, units and people a list names. Lists name them the way people speak: "宁洱"
// for 宁洱县, "住建局" for the county's own 宁洱住建局, "李春明（副区长）" for a leader. Matching is by
// name only (a list carries no ids), exact first, then looser within the project's own county, and
// never a guess between two candidates: an ambiguous name is reported, not picked.
import type { Person, Region, Unit } from '../../../../shared/domain/organization';
import { normalizeKey } from './cells';

export type Resolved<T> = { kind: 'found'; item: T } | { kind: 'unknown' } | { kind: 'ambiguous' };

const found = <T>(items: readonly T[]): Resolved<T> =>
  items.length === 1
    ? { kind: 'found', item: items[0] as T }
    : items.length === 0
      ? { kind: 'unknown' }
      : { kind: 'ambiguous' };

const COUNTY_SUFFIX = /(自治县|矿区|新区|县|区|市)$/;
const TOWN_SUFFIX = /(街道办事处|街道|镇|乡)$/;
const stripped = (key: string, suffix: RegExp): string => key.replace(suffix, '');

export class Directory {
  private readonly regions: Region[];
  private readonly units: Unit[];
  private readonly people: Person[];
  private readonly regionById: Map<string, Region>;
  private readonly unitById: Map<string, Unit>;

  constructor(regions: readonly Region[], units: readonly Unit[], people: readonly Person[]) {
    this.regions = [...regions];
    this.units = [...units];
    this.people = [...people];
    this.regionById = new Map(this.regions.map((r) => [r.id, r]));
    this.unitById = new Map(this.units.map((u) => [u.id, u]));
  }

  region(id: string): Region | undefined {
    return this.regionById.get(id);
  }

  /** The county a region belongs to: itself unless it is a town. */
  countyOf(region: Region): Region {
    return region.level === 'town' && region.parentId
      ? (this.regionById.get(region.parentId) ?? region)
      : region;
  }

  private byName(candidates: readonly Region[], key: string, suffix: RegExp): Region[] {
    const exact = candidates.filter((r) => normalizeKey(r.name) === key);
    if (exact.length > 0) return exact;
    const short = stripped(key, suffix);
    return short === '' ? [] : candidates.filter((r) => stripped(normalizeKey(r.name), suffix) === short);
  }

  /**
   * A county or district ("宁洱县", "宁洱"), else a city, else a town anywhere ("南屏镇"), by name.
   */
  county(text: string): Resolved<Region> {
    const key = normalizeKey(text);
    for (const level of ['county', 'city'] as const) {
      const matches = this.byName(
        this.regions.filter((r) => r.level === level),
        key,
        COUNTY_SUFFIX,
      );
      if (matches.length > 0) return found(matches);
    }
    return found(
      this.byName(
        this.regions.filter((r) => r.level === 'town'),
        key,
        TOWN_SUFFIX,
      ),
    );
  }

  /** "思茅区南屏镇" written in one cell: a county or city whose name starts the text, and the rest. */
  splitPlace(text: string): { county: Region; rest: string } | null {
    const key = normalizeKey(text);
    const heads = this.regions.filter(
      (r) =>
        r.level !== 'town' &&
        key.startsWith(normalizeKey(r.name)) &&
        key.length > normalizeKey(r.name).length,
    );
    if (heads.length !== 1) return null;
    const county = heads[0] as Region;
    return { county, rest: key.slice(normalizeKey(county.name).length) };
  }

  /** A town (乡镇/街道) of the given county. */
  town(county: Region, text: string): Resolved<Region> {
    const towns = this.regions.filter((r) => r.level === 'town' && r.parentId === county.id);
    return found(this.byName(towns, normalizeKey(text), TOWN_SUFFIX));
  }

  /** The project's county and the city above it: where its units and leaders usually sit. */
  private scope(region: Region | null): { county: string | null; city: string | null } {
    if (!region) return { county: null, city: null };
    const county = this.countyOf(region);
    return county.level === 'city'
      ? { county: null, city: county.id }
      : { county: county.id, city: county.parentId };
  }

  /**
   * A responsible unit by short name or name ("思茅住建局", "思茅区住房和城乡建设局"). When that
   * is not unique or not found, the units of the project's county are tried, then its city's, by
   * the end of the name: "住建局" in a 思茅区 project is 思茅住建局; "市住建局" is the city's.
   */
  unit(text: string, region: Region | null): Resolved<Unit> {
    const key = normalizeKey(text);
    const { county, city } = this.scope(region);
    const exact = this.units.filter((u) => normalizeKey(u.shortName) === key || normalizeKey(u.name) === key);
    if (exact.length === 1) return found(exact);
    if (exact.length > 1) {
      for (const id of [county, city]) {
        const local = exact.filter((u) => id !== null && u.regionId === id);
        if (local.length > 0) return found(local);
      }
      return { kind: 'ambiguous' };
    }
    const levels: [string | null, string][] = /^[县区]/.test(key)
      ? [[county, key.slice(1)]]
      : key.startsWith('市')
        ? [[city, key.slice(1)]]
        : [
            [county, key],
            [city, key],
          ];
    for (const [id, tail] of levels) {
      if (id === null || tail.length < 2) continue;
      const local = this.units.filter(
        (u) =>
          u.regionId === id &&
          (normalizeKey(u.shortName).endsWith(tail) || normalizeKey(u.name).endsWith(tail)),
      );
      if (local.length > 0) return found(local);
    }
    return { kind: 'unknown' };
  }

  /**
   * A person by name; a title after the name ("李春明（副区长）", "李春明 副区长") is ignored. Two
   * people of the same name: the one whose unit is in the project's county or city, if only one is.
   */
  person(text: string, region: Region | null): Resolved<Person> {
    const name = normalizeKey(
      text
        .replace(/[(（][^)）]*[)）]/g, '')
        .trim()
        .split(/\s+/)[0] ?? '',
    );
    const matches = this.people.filter((p) => normalizeKey(p.name) === name);
    if (matches.length <= 1) return found(matches);
    const { county, city } = this.scope(region);
    for (const id of [county, city]) {
      const local = matches.filter(
        (p) => id !== null && p.unitId !== null && this.unitById.get(p.unitId)?.regionId === id,
      );
      if (local.length > 0) return found(local);
    }
    return { kind: 'ambiguous' };
  }
}

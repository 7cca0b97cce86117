// Regions, responsible units and people: for names, pickers and filters.
import type { Person, Region, Unit } from '../../../shared/domain/organization';
import { type DuchaDatabase, isLive } from '../database';

export interface Organization {
  regions: Region[];
  units: Unit[];
  people: Person[];
  /** Display names: a town with its county ("宁洱县 宁洱镇"), a county alone. */
  regionNames: Map<string, string>;
  unitNames: Map<string, string>;
  personNames: Map<string, string>;
}

const collator = new Intl.Collator('zh-CN');

export function regionLabels(regions: readonly Region[]): Map<string, string> {
  const byId = new Map(regions.map((r) => [r.id, r]));
  return new Map(
    regions.map((r) => {
      const parent = r.parentId ? byId.get(r.parentId) : undefined;
      return [r.id, r.level === 'town' && parent ? `${parent.name} ${r.name}` : r.name];
    }),
  );
}

export async function readOrganization(db: DuchaDatabase): Promise<Organization> {
  const [regions, units, people] = await Promise.all([
    db.regions.toArray(),
    db.units.toArray(),
    db.people.toArray(),
  ]);
  const liveRegions = regions.filter(isLive).sort((a, b) => collator.compare(a.name, b.name));
  const liveUnits = units.filter(isLive).sort((a, b) => collator.compare(a.shortName, b.shortName));
  const livePeople = people.filter(isLive).sort((a, b) => collator.compare(a.name, b.name));
  return {
    regions: liveRegions,
    units: liveUnits,
    people: livePeople,
    regionNames: regionLabels(liveRegions),
    unitNames: new Map(liveUnits.map((u) => [u.id, u.shortName])),
    personNames: new Map(livePeople.map((p) => [p.id, p.name])),
  };
}

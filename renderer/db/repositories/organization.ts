// Regions, responsible units and people: for names, pickers and filters.
import type { Person, Region, Team, Unit } from '../../../shared/domain/organization';
import { type DuchaDatabase, isLive } from '../database';

export interface Organization {
  /** What pickers offer: the entries not retired. */
  regions: Region[];
  units: Unit[];
  people: Person[];
  teams: Team[];
  /** Every live entry, retired ones included: for the team's setup page. */
  all: { regions: Region[]; units: Unit[]; people: Person[] };
  /** Display names of every entry, retired ones included, so old records still read right. */
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
  const [regions, units, people, teams] = await Promise.all([
    db.regions.toArray(),
    db.units.toArray(),
    db.people.toArray(),
    db.teams.toArray(),
  ]);
  const liveRegions = regions.filter(isLive).sort((a, b) => collator.compare(a.name, b.name));
  const liveUnits = units.filter(isLive).sort((a, b) => collator.compare(a.shortName, b.shortName));
  const livePeople = people.filter(isLive).sort((a, b) => collator.compare(a.name, b.name));
  const active = <T extends { retired?: boolean | undefined }>(rows: T[]) =>
    rows.filter((r) => r.retired !== true);
  return {
    regions: active(liveRegions),
    units: active(liveUnits),
    people: active(livePeople),
    teams: teams.filter(isLive).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    all: { regions: liveRegions, units: liveUnits, people: livePeople },
    regionNames: regionLabels(liveRegions),
    unitNames: new Map(liveUnits.map((u) => [u.id, u.shortName])),
    personNames: new Map(livePeople.map((p) => [p.id, p.name])),
  };
}

// A project list naming counties, towns or responsible units this laptop does not know yet (a team that
// started empty knows none): instead of refusing those rows, the names are offered to be added with the
// import. Only the exact names the cells give (trimmed) are offered — no guess — and a name that matches
// a retired entry brings that entry back rather than adding a second one. Nothing is written here: the
// dialog shows the additions, and importProjects stores them with the projects in one transaction.
import type { Region, Unit } from '../../../../shared/domain/organization';
import type { Project } from '../../../../shared/domain/project';
import { Directory } from './directory';
import type { ColumnMapping } from './mapping';
import { type RowResult, type SheetRows, type ValidateContext, validateRows } from './validate-rows';

export interface AdditionsContext extends ValidateContext {
  /** The city new counties go under (the team's city), or null for none. */
  cityId: string | null;
  /** Retired regions and units: a list naming one exactly restores it. */
  retiredRegions: readonly Region[];
  retiredUnits: readonly Unit[];
}

/** What an import would add to the team's lists, and what it would bring back from retirement. */
export interface ListAdditions {
  /** New counties (under the team's city) and towns (under their county), counties first. */
  regions: Region[];
  /** New units: name and short name from the cell, kind 'other', in the row's county. */
  units: Unit[];
  /** Retired entries named by the list, as they will be stored again (retired: false). */
  restoredRegions: Region[];
  restoredUnits: Unit[];
}

export const NO_ADDITIONS: ListAdditions = { regions: [], units: [], restoredRegions: [], restoredUnits: [] };

export const hasAdditions = (a: ListAdditions): boolean =>
  a.regions.length + a.units.length + a.restoredRegions.length + a.restoredUnits.length > 0;

/** The rows checked against the lists as they would be after the additions, and every candidate. */
export interface CheckedWithAdditions {
  results: RowResult[];
  /** Every entry some row would need; usedAdditions keeps those the imported projects use. */
  candidates: ListAdditions;
}

// Longer than the record allows (Region/Unit name max 100): such a cell stays an error, not an offer.
const MAX_NAME = 100;
// A county cell unknown in one pass hides the row's town and units; each pass uncovers one level.
const MAX_PASSES = 4;

/**
 * Validates the rows as validateRows does, but with every unknown county, town and unit name taken as
 * a candidate addition (or restoration), so only the rows' other problems remain as errors.
 */
export function checkWithAdditions(
  sheet: SheetRows,
  mapping: ColumnMapping,
  context: AdditionsContext,
): CheckedWithAdditions {
  const candidates: ListAdditions = { regions: [], units: [], restoredRegions: [], restoredUnits: [] };
  const stamp = { createdAt: context.now, updatedAt: context.now };
  const regionsNow = () => [...context.regions, ...candidates.restoredRegions, ...candidates.regions];
  const unitsNow = () => [...context.units, ...candidates.restoredUnits, ...candidates.units];

  // A name an earlier offer already answers ("孟连" once 孟连县 is offered) is not offered again.
  const directory = () => new Directory(regionsNow(), unitsNow(), []);
  const answered = (name: string, level: 'county' | 'town', parentId: string | null): boolean => {
    const dir = directory();
    const parent = parentId === null ? undefined : dir.region(parentId);
    if (level === 'county') return dir.county(name).kind !== 'unknown';
    return parent !== undefined && dir.town(parent, name).kind !== 'unknown';
  };

  const offerRegion = (name: string, level: 'county' | 'town', parentId: string | null): boolean => {
    if (name === '' || name.length > MAX_NAME) return false;
    const same = (r: Region) =>
      r.name.trim() === name && (level === 'town' ? r.parentId === parentId : r.level !== 'town');
    if (regionsNow().some(same) || answered(name, level, parentId)) return false;
    const retired = context.retiredRegions.find(same);
    if (retired) candidates.restoredRegions.push({ ...retired, retired: false, updatedAt: context.now });
    else candidates.regions.push({ id: context.newId(), ...stamp, name, level, parentId });
    return true;
  };
  const offerUnit = (name: string, regionId: string | null): boolean => {
    if (name === '' || name.length > MAX_NAME) return false;
    const same = (u: Unit) => u.name.trim() === name || u.shortName.trim() === name;
    const region = regionId === null ? null : (directory().region(regionId) ?? null);
    if (unitsNow().some(same) || directory().unit(name, region).kind !== 'unknown') return false;
    const retired = context.retiredUnits.find(same);
    if (retired) candidates.restoredUnits.push({ ...retired, retired: false, updatedAt: context.now });
    else
      candidates.units.push({
        id: context.newId(),
        ...stamp,
        name,
        shortName: name.slice(0, 20),
        kind: 'other',
        regionId,
      });
    return true;
  };

  let results: RowResult[] = [];
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    results = validateRows(sheet, mapping, { ...context, regions: regionsNow(), units: unitsNow() });
    let grew = false;
    for (const { unknown } of results) {
      if (unknown.county !== null) {
        // The row's units wait for the next pass, when they can be placed in the new county.
        grew = offerRegion(unknown.county, 'county', context.cityId) || grew;
        continue;
      }
      if (unknown.town) grew = offerRegion(unknown.town.name, 'town', unknown.town.countyId) || grew;
      for (const unit of unknown.units) grew = offerUnit(unit.name, unit.regionId) || grew;
    }
    if (!grew) break;
  }
  return { results, candidates };
}

/** The candidates the projects to import actually use: exactly what the import will add or restore. */
export function usedAdditions(candidates: ListAdditions, projects: readonly Project[]): ListAdditions {
  const used = new Set<string>();
  const regionById = new Map(
    [...candidates.regions, ...candidates.restoredRegions].map((r) => [r.id, r] as const),
  );
  for (const project of projects) {
    // A new town's new county is added with it.
    let region = regionById.get(project.regionId);
    while (region && !used.has(region.id)) {
      used.add(region.id);
      region = region.parentId ? regionById.get(region.parentId) : undefined;
    }
    for (const id of project.responsibleUnitIds) used.add(id);
  }
  const keep = <T extends { id: string }>(rows: readonly T[]) => rows.filter((r) => used.has(r.id));
  // Counties before towns: a town's parent is stored before it.
  const byLevel = (a: Region, b: Region) => Number(a.level === 'town') - Number(b.level === 'town');
  return {
    regions: keep(candidates.regions).sort(byLevel),
    units: keep(candidates.units),
    restoredRegions: keep(candidates.restoredRegions).sort(byLevel),
    restoredUnits: keep(candidates.restoredUnits),
  };
}

/** Display names for the offer: a town with its county ("思茅区 倚象镇"), a unit by its full name. */
export function additionNames(
  additions: ListAdditions,
  knownRegions: readonly Region[],
): { regions: string[]; units: string[]; restored: string[] } {
  const all = new Map(
    [...knownRegions, ...additions.regions, ...additions.restoredRegions].map((r) => [r.id, r] as const),
  );
  const label = (r: Region) => {
    const parent = r.level === 'town' && r.parentId ? all.get(r.parentId) : undefined;
    return parent ? `${parent.name} ${r.name}` : r.name;
  };
  return {
    regions: additions.regions.map(label),
    units: additions.units.map((u) => u.name),
    restored: [...additions.restoredRegions.map(label), ...additions.restoredUnits.map((u) => u.name)],
  };
}

// What a lists workbook would change: the names it adds (new records, ids made here) and the names
// already on the team's lists, which are skipped — never renamed, never doubled. A county, parent unit
// or unit a row refers to must be in the file or on the lists; otherwise the file is refused with the
// sheet and row, as for any other problem.
import type { Person, Region, Unit } from '../../../../shared/domain/organization';
import { ListsFileError, type ListsWorkbook, type LocalizedText, sheetProblem } from './read-lists';
import { PEOPLE_SHEET, UNITS_SHEET } from './lists-sheets';

export interface CurrentLists {
  /** Every live entry, retired ones included: a retired name is there, and skipped. */
  regions: readonly Region[];
  units: readonly Unit[];
  people: readonly Person[];
}

export interface ListsPlanContext {
  /** The city new counties go under (the team's city), or null. */
  cityId: string | null;
  /** The working team: people with no unit are the team's own. */
  teamId: string | null;
  now: string;
  newId: () => string;
}

export interface ListsPlan {
  add: { regions: Region[]; units: Unit[]; people: Person[] };
  /** Display names already on the lists, per list. */
  skipped: { regions: string[]; units: string[]; people: string[] };
}

/** Plans the import. Throws ListsFileError when a row refers to a name neither in the file nor on the lists. */
export function planLists(book: ListsWorkbook, current: CurrentLists, context: ListsPlanContext): ListsPlan {
  const stamp = { createdAt: context.now, updatedAt: context.now };
  const plan: ListsPlan = {
    add: { regions: [], units: [], people: [] },
    skipped: { regions: [], units: [], people: [] },
  };
  const problems: LocalizedText[] = [];
  const regions = [...current.regions];
  const units = [...current.units];

  const countyNamed = (name: string) => regions.find((r) => r.level !== 'town' && r.name.trim() === name);
  const county = (name: string): Region => {
    const found = countyNamed(name);
    if (found) return found;
    const added: Region = { id: context.newId(), ...stamp, name, level: 'county', parentId: context.cityId };
    regions.push(added);
    plan.add.regions.push(added);
    return added;
  };
  for (const row of book.regions) {
    const known = current.regions.some((r) => r.level !== 'town' && r.name.trim() === row.county);
    const parent = county(row.county);
    if (row.town === null) {
      if (known && !plan.skipped.regions.includes(row.county)) plan.skipped.regions.push(row.county);
      continue;
    }
    const label = `${row.county} ${row.town}`;
    if (regions.some((r) => r.level === 'town' && r.parentId === parent.id && r.name.trim() === row.town)) {
      plan.skipped.regions.push(label);
      continue;
    }
    const town: Region = {
      id: context.newId(),
      ...stamp,
      name: row.town,
      level: 'town',
      parentId: parent.id,
    };
    regions.push(town);
    plan.add.regions.push(town);
  }

  const unitNamed = (name: string) =>
    units.find((u) => u.name.trim() === name) ?? units.find((u) => u.shortName.trim() === name);
  const newUnits: { unit: Unit; parent: string | null; row: number }[] = [];
  for (const row of book.units) {
    if (units.some((u) => u.name.trim() === row.name)) {
      plan.skipped.units.push(row.name);
      continue;
    }
    let regionId: string | null = null;
    if (row.county !== null) {
      const region = countyNamed(row.county);
      if (region) regionId = region.id;
      else
        problems.push(
          sheetProblem(
            UNITS_SHEET,
            row.row,
            `所属县区“${row.county}”不在“县区乡镇”表中，也不在名录中`,
            `the county “${row.county}” is neither in the sheet 县区乡镇 nor on your lists`,
          ),
        );
    }
    const unit: Unit = {
      id: context.newId(),
      ...stamp,
      name: row.name,
      shortName: row.shortName,
      kind: row.kind,
      regionId,
      parentId: null,
    };
    units.push(unit);
    newUnits.push({ unit, parent: row.parent, row: row.row });
  }
  // Parents after every unit is known: a department may come before its unit in the sheet.
  for (const { unit, parent, row } of newUnits) {
    if (parent !== null) {
      const found = unitNamed(parent);
      if (found && found.id !== unit.id) unit.parentId = found.id;
      else
        problems.push(
          sheetProblem(
            UNITS_SHEET,
            row,
            `上级单位“${parent}”不在本表中，也不在名录中`,
            `the parent unit “${parent}” is neither in this sheet nor on your lists`,
          ),
        );
    }
    plan.add.units.push(unit);
  }

  for (const row of book.people) {
    if (current.people.some((p) => p.name.trim() === row.name)) {
      plan.skipped.people.push(row.name);
      continue;
    }
    let unitId: string | null = null;
    if (row.unit !== null) {
      const unit = unitNamed(row.unit);
      if (unit) unitId = unit.id;
      else
        problems.push(
          sheetProblem(
            PEOPLE_SHEET,
            row.row,
            `所属单位“${row.unit}”不在“责任单位”表中，也不在名录中`,
            `the unit “${row.unit}” is neither in the sheet 责任单位 nor on your lists`,
          ),
        );
    }
    plan.add.people.push({
      id: context.newId(),
      ...stamp,
      name: row.name,
      title: row.title,
      phone: row.phone,
      unitId,
      teamId: unitId === null ? context.teamId : null,
    });
  }

  if (problems.length > 0) throw new ListsFileError(problems);
  return plan;
}

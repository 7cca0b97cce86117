// Turns the mapped rows of an issued list into ledger projects, row by row, with every problem told
// in both languages and with its Excel row number, so the dialog can show the preview in the current
// language and the user can find the cell in the file. Nothing is written here: the dialog imports
// the valid projects (importProjects) only after the user confirms.
//
// Decisions, so that nothing is doubled or lost silently:
// - A name already in the ledger is an error by default (allowExistingNames makes it a warning):
//   an import only adds projects, it never updates one, and a second import of the same list must
//   not double the ledger.
// - The same name twice in the file: the later rows are errors, the first row gets a warning.
// - An unknown county is an error (a project needs a region); an unknown town, unit or leader is a
//   warning and left out, since the project is still right without it and can be completed later.
// - An unknown category becomes 其他 with a warning; an unknown phase is an error (the phase drives
//   the 开工率 figures). A blank cell in a mapped category or phase column takes 其他 / 前期 with a
//   warning; an unmapped column takes them silently (the mapping step already shows it unmapped).
// - Blank amounts are 0; "—", "/" and "无" count as blank.
// - A 合计/总计/小计 row is left out, as is a lone text cell with no project name (a footnote).
import { type Fen } from '../../../../shared/domain/money';
import type { Person, Region, Unit } from '../../../../shared/domain/organization';
import {
  MILESTONE_KINDS,
  type Project,
  type ProjectCategory,
  type ProjectPhase,
  ProjectSchema,
} from '../../../../shared/domain/project';
import { type CellValue, cellText, cleanText, normalizeKey, quoted } from './cells';
import {
  areaFactorOf,
  CATEGORY_LABELS,
  FIELD_LABELS,
  type LedgerField,
  MONEY_FIELDS,
  type MoneyField,
  moneyUnitOf,
  parseCategory,
  parsePhase,
} from './columns';
import { Directory } from './directory';
import type { ColumnMapping } from './mapping';
import { isBlank, parseAmount, parseArea, parseCount, parseDate, parseYear } from './values';

export interface LocalizedText {
  zh: string;
  en: string;
}

export interface RowIssue {
  /** The field the problem is in; null for the row as a whole. */
  field: LedgerField | null;
  /** The full message with the row number, e.g. "第5行 计划总投资：'12a' 不是有效金额". */
  message: LocalizedText;
}

export interface RowResult {
  /** 1-based Excel row number. */
  rowNumber: number;
  /** The project name as the row gives it, so a row with errors can still be recognised. */
  name: string;
  /** The project to import; null when the row has errors. */
  project: Project | null;
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Names the row gives that the directory does not know: what the import may offer to add. */
  unknown: UnknownNames;
}

/** Unknown names of one row, exactly as written (trimmed); see additions.ts. */
export interface UnknownNames {
  /** A county cell that names no known county (its first part when it was "思茅区 倚象镇"). */
  county: string | null;
  /** A town that is not one of its (known) county's towns. */
  town: { countyId: string; name: string } | null;
  /** Responsible units named by no unit, with the id of the row's county (null if none). */
  units: { name: string; regionId: string | null }[];
}

/** What readSheet returned (or the same shape): headers for units, rows and their Excel numbers. */
export interface SheetRows {
  headers: readonly string[];
  rows: readonly (readonly CellValue[])[];
  rowNumbers: readonly number[];
}

export interface ValidateContext {
  regions: readonly Region[];
  units: readonly Unit[];
  people: readonly Person[];
  /** Names of the projects already in the ledger. */
  existingProjectNames: Iterable<string>;
  /** The local date (YYYY-MM-DD); its year is the plan year of rows that give none. */
  today: string;
  /** The instant (ISO) stamped as createdAt and updatedAt of the new projects. */
  now: string;
  /** Makes the id of each valid row's project (uuidv7 in the app). */
  newId: () => string;
  /** The region of rows whose county cell is blank (a list issued to one county often has none). */
  defaultRegionId?: string | null;
  /** Import a name the ledger already has as a new project, with a warning instead of an error. */
  allowExistingNames?: boolean;
}

const MAX_LENGTH = { name: 200, owner: 200, notes: 5000, description: 500 } as const;
const UNIT_SEPARATORS = /[、，,;；/／\s]+/;
// "合计", "合计（3个项目）", "总计：" — but not a name that merely starts so ("总计划…").
const TOTAL_ROW = /^(合计|总计|小计|共计)($|[(:\d])/;

class RowCheck {
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  readonly unknown: UnknownNames = { county: null, town: null, units: [] };
  constructor(readonly rowNumber: number) {}

  private issue(field: LedgerField | null, zh: string, en: string): RowIssue {
    const n = this.rowNumber;
    if (field === null) return { field, message: { zh: `第${n}行：${zh}`, en: `Row ${n}: ${en}` } };
    const label = FIELD_LABELS[field];
    return { field, message: { zh: `第${n}行 ${label.zh}：${zh}`, en: `Row ${n}, ${label.en}: ${en}` } };
  }
  error(field: LedgerField | null, zh: string, en: string): void {
    this.errors.push(this.issue(field, zh, en));
  }
  warn(field: LedgerField | null, zh: string, en: string): void {
    this.warnings.push(this.issue(field, zh, en));
  }
}

/** A row's cell for a field: undefined when the field is not mapped, null when the cell is empty. */
type Getter = (field: LedgerField) => CellValue | undefined;

const textOf = (value: CellValue | undefined): string => cleanText(cellText(value));

function skippable(row: readonly CellValue[], name: string): boolean {
  const first = row.find((v) => v !== null);
  if (
    TOTAL_ROW.test(normalizeKey(name)) ||
    (typeof first === 'string' && TOTAL_ROW.test(normalizeKey(first)))
  ) {
    return true;
  }
  const filled = row.filter((v) => v !== null);
  return name === '' && filled.length === 1 && typeof filled[0] === 'string';
}

interface Resolution {
  regionId: string | null;
  region: Region | null;
}

function resolveRegion(
  check: RowCheck,
  get: Getter,
  dir: Directory,
  defaultRegionId: string | null,
): Resolution {
  const countyText = textOf(get('county'));
  let townText = textOf(get('town'));
  let county: Region | null = null;
  if (countyText === '') {
    const fallback = defaultRegionId ? dir.region(defaultRegionId) : undefined;
    if (fallback) county = fallback;
    else if (townText === '') {
      check.error('county', '不能为空', 'is required');
      return { regionId: null, region: null };
    }
  } else {
    const whole = dir.county(countyText);
    if (whole.kind === 'found') county = whole.item;
    else {
      // "宁洱县 宁洱镇" (our own export), "宁洱县/宁洱镇" or "思茅区南屏镇" in one cell.
      const parts = countyText.split(/[\s/／·]+/).filter((p) => p !== '');
      const head = parts.length > 1 ? dir.county(parts[0] as string) : null;
      const split = head?.kind === 'found' ? null : dir.splitPlace(countyText);
      if (head?.kind === 'found') {
        county = head.item;
        if (townText === '') townText = parts.slice(1).join('');
      } else if (split) {
        county = split.county;
        if (townText === '') townText = split.rest;
      } else if (whole.kind === 'ambiguous') {
        check.error(
          'county',
          `${quoted(countyText)} 对应多个地区，请写全称`,
          `${quoted(countyText)} matches more than one region; write its full name`,
        );
        return { regionId: null, region: null };
      } else {
        // "思茅区 倚象镇": the county is offered; its town comes up once the county is known.
        check.unknown.county = parts.length > 1 ? (parts[0] as string) : countyText;
        check.error(
          'county',
          `${quoted(countyText)} 不在地区名录中`,
          `${quoted(countyText)} is not a known county or district`,
        );
        return { regionId: null, region: null };
      }
    }
  }
  if (county === null) {
    // Only a town was given: find it anywhere.
    const town = dir.county(townText);
    if (town.kind === 'found') return { regionId: town.item.id, region: town.item };
    check.error(
      'county',
      `未填写，乡镇 ${quoted(townText)} 也无法确定所属县(区)`,
      `is empty, and the town ${quoted(townText)} does not tell which county it is in`,
    );
    return { regionId: null, region: null };
  }
  if (townText === '' || county.level === 'town') return { regionId: county.id, region: county };
  const town = dir.town(county, townText);
  if (town.kind === 'found') return { regionId: town.item.id, region: town.item };
  if (town.kind === 'unknown') check.unknown.town = { countyId: county.id, name: townText };
  check.warn(
    'town',
    `${quoted(townText)} 不是${county.name}的乡镇，项目记在${county.name}`,
    `${quoted(townText)} is not a town of ${county.name}; the project is filed under ${county.name}`,
  );
  return { regionId: county.id, region: county };
}

function resolveUnits(check: RowCheck, text: string, region: Region | null, dir: Directory): string[] {
  const ids: string[] = [];
  for (const token of text.split(UNIT_SEPARATORS).filter((t) => t !== '')) {
    const unit = dir.unit(token, region);
    if (unit.kind === 'found') {
      if (!ids.includes(unit.item.id)) ids.push(unit.item.id);
    } else if (unit.kind === 'ambiguous') {
      check.warn(
        'responsibleUnits',
        `${quoted(token)} 对应多个单位，未记入，请导入后选择`,
        `${quoted(token)} matches more than one unit and was left out; choose it after the import`,
      );
    } else {
      check.unknown.units.push({ name: token, regionId: region ? dir.countyOf(region).id : null });
      check.warn(
        'responsibleUnits',
        `${quoted(token)} 不在单位名录中，未记入`,
        `${quoted(token)} is not a known unit and was left out`,
      );
    }
  }
  return ids;
}

function resolveLeader(check: RowCheck, text: string, region: Region | null, dir: Directory): string | null {
  if (text === '') return null;
  const names = text.split(/[、，,;；/／]+/).filter((t) => t.trim() !== '');
  if (names.length > 1) {
    check.warn(
      'leader',
      `有多位领导，只记录第一位 ${quoted(names[0] ?? '')}`,
      `several leaders; only the first, ${quoted(names[0] ?? '')}, is kept`,
    );
  }
  const first = names[0] ?? '';
  const person = dir.person(first, region);
  if (person.kind === 'found') return person.item.id;
  if (person.kind === 'ambiguous') {
    check.warn(
      'leader',
      `${quoted(first)} 有重名，包抓领导留空`,
      `${quoted(first)} matches more than one person; leader left empty`,
    );
  } else {
    check.warn(
      'leader',
      `${quoted(first)} 不在人员名录中，包抓领导留空`,
      `${quoted(first)} is not a known person; leader left empty`,
    );
  }
  return null;
}

function readAmounts(
  check: RowCheck,
  get: Getter,
  units: Record<MoneyField, ReturnType<typeof moneyUnitOf>>,
) {
  const amounts = {} as Record<MoneyField, Fen>;
  for (const field of MONEY_FIELDS) {
    const value = get(field);
    const result = parseAmount(value, units[field]);
    if (result.ok) amounts[field] = result.fen;
    else if (result.reason === 'negative')
      check.error(field, `${quoted(value)} 不能为负数`, `${quoted(value)} cannot be negative`);
    else check.error(field, `${quoted(value)} 不是有效金额`, `${quoted(value)} is not an amount`);
  }
  if (amounts.completedTotal !== undefined && amounts.completedThisYear !== undefined) {
    if (amounts.completedTotal < amounts.completedThisYear) {
      check.warn('completedTotal', '小于本年完成投资', 'is less than the amount completed this year');
    }
  }
  if (amounts.totalInvestment !== undefined && amounts.completedTotal !== undefined) {
    if (amounts.totalInvestment > 0 && amounts.completedTotal > amounts.totalInvestment) {
      check.warn('completedTotal', '超过计划总投资', 'exceeds the total investment');
    }
  }
  return amounts;
}

function readCategory(check: RowCheck, get: Getter): ProjectCategory {
  const value = get('category');
  if (value === undefined) return 'other';
  const text = textOf(value);
  if (text === '') {
    check.warn('category', '未填写，记为“其他”', 'is empty; filed as "other"');
    return 'other';
  }
  const category = parseCategory(text);
  if (category) return category;
  check.warn(
    'category',
    `${quoted(text)} 不是台账的类别（${Object.values(CATEGORY_LABELS).join('、')}），记为“其他”`,
    `${quoted(text)} is not a ledger category; filed as "other"`,
  );
  return 'other';
}

function readPhase(check: RowCheck, get: Getter): ProjectPhase | null {
  const value = get('phase');
  if (value === undefined) return 'preparation';
  const text = textOf(value);
  if (text === '') {
    check.warn('phase', '未填写，记为“前期”', 'is empty; set to "preparation"');
    return 'preparation';
  }
  const phase = parsePhase(text);
  if (phase) return phase;
  check.error(
    'phase',
    `${quoted(text)} 不是有效阶段（前期、在建、续建、竣工、投产）`,
    `${quoted(text)} is not a phase (preparation, under construction, continuing, completed, operating)`,
  );
  return null;
}

function readText(check: RowCheck, get: Getter, field: 'owner' | 'notes', max: number): string {
  const value = get(field);
  // Notes keep their line breaks; an owner is one line.
  const text =
    field === 'notes' && typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : textOf(value);
  if (text.length > max) check.error(field, `超过${max}字`, `is longer than ${max} characters`);
  return text;
}

/** Validates and converts each data row. See the decisions at the top of this file. */
export function validateRows(
  sheet: SheetRows,
  mapping: ColumnMapping,
  context: ValidateContext,
): RowResult[] {
  const dir = new Directory(context.regions, context.units, context.people);
  const headerOf = (field: LedgerField): string => {
    const column = mapping[field];
    return column === null ? '' : (sheet.headers[column] ?? '');
  };
  const moneyUnits = Object.fromEntries(MONEY_FIELDS.map((f) => [f, moneyUnitOf(headerOf(f))])) as Record<
    MoneyField,
    ReturnType<typeof moneyUnitOf>
  >;
  const areaFactor = areaFactorOf(headerOf('areaM2'));
  const defaultYear = Number(context.today.slice(0, 4));
  const existing = new Set([...context.existingProjectNames].map(normalizeKey));
  const firstRowOfName = new Map<string, RowResult>();
  const laterRowsOfName = new Map<string, number[]>();
  const results: RowResult[] = [];

  sheet.rows.forEach((row, index) => {
    const rowNumber = sheet.rowNumbers[index] ?? index + 1;
    const get: Getter = (field) => {
      const column = mapping[field];
      return column === null ? undefined : (row[column] ?? null);
    };
    const name = textOf(get('name'));
    if (skippable(row, name)) return;
    const check = new RowCheck(rowNumber);

    const nameKey = normalizeKey(name);
    if (name === '') check.error('name', '不能为空', 'is required');
    else if (name.length > MAX_LENGTH.name)
      check.error('name', `超过${MAX_LENGTH.name}字`, `is longer than ${MAX_LENGTH.name} characters`);
    const first = name === '' ? undefined : firstRowOfName.get(nameKey);
    if (first) {
      check.error(
        'name',
        `与第${first.rowNumber}行项目名称重复`,
        `has the same project name as row ${first.rowNumber}`,
      );
      laterRowsOfName.set(nameKey, [...(laterRowsOfName.get(nameKey) ?? []), rowNumber]);
    }
    if (name !== '' && existing.has(nameKey)) {
      if (context.allowExistingNames) {
        check.warn(
          'name',
          '台账中已有同名项目，将作为新项目添加',
          'a project of this name is already in the ledger; it will be added as a new project',
        );
      } else {
        check.error('name', '台账中已有同名项目', 'a project of this name is already in the ledger');
      }
    }

    const category = readCategory(check, get);
    const { regionId, region } = resolveRegion(check, get, dir, context.defaultRegionId ?? null);
    const owner = readText(check, get, 'owner', MAX_LENGTH.owner);
    const responsibleUnitIds = resolveUnits(check, textOf(get('responsibleUnits')), region, dir);
    const leaderId = resolveLeader(check, textOf(get('leader')), region, dir);
    const amounts = readAmounts(check, get, moneyUnits);

    let planYear = defaultYear;
    const yearCell = get('planYear');
    if (!isBlank(yearCell)) {
      const year = parseYear(yearCell);
      if (year === null)
        check.error('planYear', `${quoted(yearCell)} 不是有效年份`, `${quoted(yearCell)} is not a year`);
      else planYear = year;
    }

    const phase = readPhase(check, get);

    let plannedStart: string | null = null;
    const startCell = get('plannedStart');
    if (!isBlank(startCell)) {
      const parsed = parseDate(startCell);
      if (!parsed.ok)
        check.error(
          'plannedStart',
          `${quoted(startCell)} 不是有效日期`,
          `${quoted(startCell)} is not a date`,
        );
      else {
        plannedStart = parsed.date;
        if (parsed.approximate) {
          check.warn(
            'plannedStart',
            `${quoted(startCell)} 按 ${parsed.date} 记录`,
            `${quoted(startCell)} recorded as ${parsed.date}`,
          );
        }
      }
    }

    let areaM2: number | null = null;
    let description = '';
    const areaCell = get('areaM2');
    if (!isBlank(areaCell)) {
      areaM2 = parseArea(areaCell, areaFactor);
      if (areaM2 === null) {
        description = textOf(areaCell).slice(0, MAX_LENGTH.description);
        check.warn(
          'areaM2',
          `${quoted(areaCell)} 不是面积数字，已记入规模说明`,
          `${quoted(areaCell)} is not an area; kept as the scale description`,
        );
      }
    }

    let households: number | null = null;
    const householdsCell = get('households');
    if (!isBlank(householdsCell)) {
      households = parseCount(householdsCell);
      if (households === null) {
        check.error(
          'households',
          `${quoted(householdsCell)} 不是有效户数`,
          `${quoted(householdsCell)} is not a whole number of households`,
        );
      }
    }

    const notes = readText(check, get, 'notes', MAX_LENGTH.notes);

    const result: RowResult = {
      rowNumber,
      name,
      project: null,
      errors: check.errors,
      warnings: check.warnings,
      unknown: check.unknown,
    };
    if (name !== '' && !first) firstRowOfName.set(nameKey, result);
    results.push(result);
    if (check.errors.length > 0 || regionId === null || phase === null) return;

    const candidate = {
      id: context.newId(),
      createdAt: context.now,
      updatedAt: context.now,
      name,
      category,
      regionId,
      owner,
      responsibleUnitIds,
      leaderId,
      totalInvestment: amounts.totalInvestment,
      planYear,
      annualPlan: amounts.annualPlan,
      completedThisYear: amounts.completedThisYear,
      completedTotal: amounts.completedTotal,
      scale: { areaM2, completedAreaM2: null, households, capacity: null, landMu: null, description },
      funding: [],
      phase,
      milestones: MILESTONE_KINDS.map((kind) => ({
        kind,
        planned: kind === 'groundbreaking' ? plannedStart : null,
        actual: null,
      })),
      notes,
    } satisfies Project;
    const parsed = ProjectSchema.safeParse(candidate);
    if (parsed.success) result.project = parsed.data;
    else {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      check.error(null, `不符合项目数据格式（${detail}）`, `does not fit the project record (${detail})`);
    }
  });

  // The first row of a repeated name learns of the others, so the user sees the whole story.
  for (const [key, later] of laterRowsOfName) {
    const first = firstRowOfName.get(key);
    if (!first) continue;
    const rows = later.join('、');
    first.warnings.push({
      field: 'name',
      message: {
        zh: `第${first.rowNumber}行 ${FIELD_LABELS.name.zh}：第${rows}行的项目名称与本行相同`,
        en: `Row ${first.rowNumber}, ${FIELD_LABELS.name.en}: row ${later.join(', ')} has the same project name`,
      },
    });
  }
  return results;
}

/** Counts for the preview's summary line. */
export function summarize(results: readonly RowResult[]): {
  valid: number;
  invalid: number;
  withWarnings: number;
} {
  const valid = results.filter((r) => r.project !== null).length;
  return {
    valid,
    invalid: results.length - valid,
    withWarnings: results.filter((r) => r.project !== null && r.warnings.length > 0).length,
  };
}

/**
 * The projects to import: all rows' projects when every row is valid; with skipBadRows, the valid
 * ones only; otherwise null (the dialog must not import while errors remain unless told to skip).
 */
export function projectsToImport(results: readonly RowResult[], skipBadRows: boolean): Project[] | null {
  const projects = results.flatMap((r) => (r.project ? [r.project] : []));
  return projects.length === results.length || skipBadRows ? projects : null;
}

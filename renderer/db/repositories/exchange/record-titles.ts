// The words that name a record in the import preview: a project's name, an issue's title, a visit's
// project and date — never a raw id unless nothing else exists. Records the bundle brings are looked up
// in the merged rows first, then on this laptop, with one read per table and step.
import type { SyncedRow } from '../../../../shared/sync/merge';
import { rowKey } from '../../../../shared/sync/merge';
import type { SyncedTable } from '../../../../shared/sync/tables';
import type { DuchaDatabase } from '../../database';

/** Which record a row's title leans on, per table: the field holding its id and that record's table. */
const PARENT: Partial<Record<SyncedTable, { field: string; table: SyncedTable }>> = {
  visits: { field: 'projectId', table: 'projects' },
  checklistResults: { field: 'visitId', table: 'visits' },
  issueEvents: { field: 'issueId', table: 'issues' },
  visitAmendments: { field: 'visitId', table: 'visits' },
  photoAnnotations: { field: 'photoId', table: 'photos' },
};

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : null;

type Lookup = (table: SyncedTable, id: unknown) => SyncedRow | undefined;

/** A row's own words, and its parent's title in front where the row means nothing alone. */
function titleParts(table: SyncedTable, row: SyncedRow, lookup: Lookup, depth = 0): string[] {
  const parent = PARENT[table];
  const up = parent && depth < 2 ? lookup(parent.table, row[parent.field]) : undefined;
  const before = up && parent ? titleParts(parent.table, up, lookup, depth + 1) : [];
  const own: (string | null)[] = (() => {
    switch (table) {
      case 'visits':
        return [text(row.date)];
      case 'checklistResults':
        return [text(lookup('checklistTemplates', row.templateId)?.name) ?? text(row.templateKey)];
      case 'issueEvents':
      case 'visitAmendments':
        return [typeof row.seq === 'number' ? `#${String(row.seq)}` : null];
      case 'photos':
        return [text(row.caption) ?? text(row.fileName)];
      case 'photoAnnotations':
        return [];
      case 'targets':
        return [text(row.year)];
      case 'regions':
      case 'units':
      case 'people':
      case 'teams':
      case 'projects':
      case 'checklistTemplates':
      case 'issues':
        return [text(row.name) ?? text(row.title)];
    }
  })();
  return [...before, ...own.filter((p): p is string => p !== null)];
}

/**
 * Titles of the given rows, keyed by rowKey. `rows` are the merged rows (what the laptop would hold);
 * records they point at but do not include are read from this laptop.
 */
export async function recordTitles(
  db: DuchaDatabase,
  rows: ReadonlyMap<string, SyncedRow>,
  wanted: readonly { table: SyncedTable; rowId: string }[],
): Promise<Map<string, string[]>> {
  const fetched = new Map<string, SyncedRow>();
  const lookup: Lookup = (table, id) =>
    typeof id === 'string' ? (rows.get(rowKey(table, id)) ?? fetched.get(rowKey(table, id))) : undefined;
  // Two steps reach every parent: an amendment's visit, then the visit's project.
  let frontier: { table: SyncedTable; row: SyncedRow }[] = wanted.flatMap(({ table, rowId }) => {
    const row = lookup(table, rowId);
    return row ? [{ table, row }] : [];
  });
  for (let step = 0; step < 3; step++) {
    const missing = new Map<SyncedTable, Set<string>>();
    const next: { table: SyncedTable; row: SyncedRow }[] = [];
    for (const item of frontier) {
      const refs: { table: SyncedTable; id: unknown }[] = [];
      const parent = PARENT[item.table];
      if (parent) refs.push({ table: parent.table, id: item.row[parent.field] });
      if (item.table === 'checklistResults')
        refs.push({ table: 'checklistTemplates', id: item.row.templateId });
      for (const ref of refs) {
        if (typeof ref.id !== 'string') continue;
        const found = lookup(ref.table, ref.id);
        if (found) next.push({ table: ref.table, row: found });
        else {
          const ids = missing.get(ref.table) ?? new Set<string>();
          ids.add(ref.id);
          missing.set(ref.table, ids);
        }
      }
    }
    for (const [table, ids] of missing) {
      const list = [...ids];
      const got = await db.table<SyncedRow, string>(table).bulkGet(list);
      got.forEach((row, i) => {
        if (!row) return;
        fetched.set(rowKey(table, list[i] as string), row);
        next.push({ table, row });
      });
    }
    if (next.length === 0) break;
    frontier = next;
  }
  const titles = new Map<string, string[]>();
  for (const { table, rowId } of wanted) {
    const row = lookup(table, rowId);
    titles.set(rowKey(table, rowId), row ? titleParts(table, row, lookup) : []);
  }
  return titles;
}

// Checklist templates (检查表模板) and their versions. A saved version is never changed: each save adds
// a row with the next version number, because visits keep the version they were filled with.
import type { ChecklistTemplate } from '../../../shared/domain/checklist';
import { type DuchaDatabase, liveRecord, liveRecords, type Stored } from '../database';
import { createRecords } from './records';

/**
 * The version being saved does not follow the latest one of its template (another window or a sync
 * saved a version meanwhile, or this version exists already); nothing was saved.
 */
export class TemplateVersionConflictError extends Error {
  override name = 'TemplateVersionConflictError';
  constructor(
    readonly key: string,
    /** The latest version stored now; 0 when the template has none. */
    readonly latestVersion: number,
  ) {
    super(`checklist template ${key} is at version ${latestVersion} already`);
  }
}

type Row = ChecklistTemplate;

/**
 * Newest first. Two devices may each have saved the same version number offline; then the smaller id
 * counts as the newer, on every device alike (as checklistTemplates in visits.ts picks it).
 */
const newestFirst = (a: Row, b: Row): number =>
  b.version - a.version || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const rowsOfKey = (db: DuchaDatabase, key: string): Promise<Stored<Row>[]> =>
  db.checklistTemplates.where('[key+version]').between([key, 0], [key, Infinity]).toArray();

/** All versions of one template, newest first. */
export async function templateVersions(db: DuchaDatabase, key: string): Promise<Row[]> {
  return liveRecords(await rowsOfKey(db, key)).sort(newestFirst);
}

/** The latest version of one template; null when there is no template with that key. */
export async function latestTemplateVersion(db: DuchaDatabase, key: string): Promise<Row | null> {
  return (await templateVersions(db, key))[0] ?? null;
}

/** One version, by its id (the id a checklist result keeps). */
export async function getTemplateVersion(db: DuchaDatabase, id: string): Promise<Row | null> {
  return liveRecord(await db.checklistTemplates.get(id));
}

export interface TemplateSummary {
  latest: Row;
  versionCount: number;
  /** Whether the template is one Ducha ships, even when a later version was edited here. */
  builtIn: boolean;
}

/** Every template by its latest version, by name. */
export async function templateCatalog(db: DuchaDatabase): Promise<TemplateSummary[]> {
  const byKey = new Map<string, Row[]>();
  for (const row of liveRecords(await db.checklistTemplates.toArray())) {
    const versions = byKey.get(row.key);
    if (versions) versions.push(row);
    else byKey.set(row.key, [row]);
  }
  const summaries: TemplateSummary[] = [];
  for (const versions of byKey.values()) {
    const [latest] = versions.sort(newestFirst);
    if (latest)
      summaries.push({ latest, versionCount: versions.length, builtIn: versions.some((v) => v.builtIn) });
  }
  return summaries.sort((a, b) => a.latest.name.localeCompare(b.latest.name, 'zh-CN'));
}

/**
 * Adds a version: version 1 of a new key, or the one after the latest version stored for its key.
 * Never overwrites a stored row. Throws TemplateVersionConflictError, saving nothing, otherwise.
 */
export async function saveTemplateVersion(
  db: DuchaDatabase,
  template: ChecklistTemplate,
  now?: number,
): Promise<void> {
  await db.transaction('rw', [db.checklistTemplates, db.outbox, db.meta], async () => {
    // Deleted versions count too: a version number, once used, is never used again for other content.
    const latestVersion = Math.max(0, ...(await rowsOfKey(db, template.key)).map((r) => r.version));
    if (template.version !== latestVersion + 1 || (await db.checklistTemplates.get(template.id)))
      throw new TemplateVersionConflictError(template.key, latestVersion);
    await createRecords(db, 'checklistTemplates', [template], now);
  });
}

// First run: start empty, or load the sample campaign, all in one transaction so that a failure
// (a full disk, say) leaves nothing half-loaded.
import { BUILTIN_TEMPLATES } from '../../../shared/checklists/builtin-templates';
import type { Campaign } from '../../../shared/sample/campaign';
import type { SyncedTable } from '../../../shared/sync/tables';
import type { DuchaDatabase } from '../database';
import { type RecordPatch, writeRecords } from '../record-writer';

const SETUP_KEY = 'setup';

export type SetupChoice = { choice: 'empty' | 'sample'; at: string };

export async function readSetupChoice(db: DuchaDatabase): Promise<SetupChoice | null> {
  const row = await db.meta.get(SETUP_KEY);
  return (row?.value as SetupChoice | undefined) ?? null;
}

/** An empty ledger still has the built-in checklist templates every visit needs. */
export async function startEmpty(db: DuchaDatabase, now: number = Date.now()): Promise<void> {
  await db.transaction('rw', [db.checklistTemplates, db.outbox, db.meta], async () => {
    await writeRecords(
      db,
      BUILTIN_TEMPLATES.map((t) => ({ table: 'checklistTemplates', id: t.id, fields: t })),
      now,
    );
    await db.meta.put({ key: SETUP_KEY, value: { choice: 'empty', at: new Date(now).toISOString() } });
  });
}

const CAMPAIGN_TABLES = [
  'regions',
  'units',
  'people',
  'teams',
  'checklistTemplates',
  'projects',
  'visits',
  'checklistResults',
  'issues',
  'issueEvents',
  'photos',
  'visitAmendments',
  'photoAnnotations',
  'targets',
] as const satisfies readonly SyncedTable[];

export async function loadCampaign(
  db: DuchaDatabase,
  campaign: Campaign,
  now: number = Date.now(),
): Promise<void> {
  const patches: RecordPatch[] = [];
  for (const table of CAMPAIGN_TABLES) {
    for (const record of campaign[table]) patches.push({ table, id: record.id, fields: record });
  }
  const tables = [...CAMPAIGN_TABLES.map((t) => db.table(t)), db.photoBlobs, db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
    await writeRecords(db, patches, now);
    await db.photoBlobs.bulkPut(
      campaign.photoBlobs.map((p) => ({
        sha256: p.sha256,
        mimeType: p.mimeType,
        byteLength: p.bytes.byteLength,
        blob: new Blob([p.bytes as Uint8Array<ArrayBuffer>], { type: p.mimeType }),
      })),
    );
    await db.meta.put({ key: SETUP_KEY, value: { choice: 'sample', at: new Date(now).toISOString() } });
  });
}

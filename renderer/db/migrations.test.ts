import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../shared/sync/canonical-json';
import { makeProject } from '../../test/fixtures/records';
import { createDatabase } from './database';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations';
import { classifyOpenError, openDatabase } from './open';
import { createRecords } from './repositories/records';

/**
 * Fingerprints of every version that has shipped. A released version is never edited: add a new
 * migration instead, and append its fingerprint here.
 */
const RELEASED: Record<number, string> = {
  1: 'regions=id, parentId, level|units=id, kind, regionId|people=id, unitId|teams=id|projects=id, name, regionId, category, phase, leaderId, *responsibleUnitIds, updatedAt|visits=id, projectId, date, [projectId+date], type, status|checklistTemplates=id, key, [key+version]|checklistResults=id, visitId|issues=id, status, deadline, [status+deadline], projectId, regionId, *responsibleUnitIds, category, severity, visitId|issueEvents=id, issueId, [issueId+seq]|photos=id, sha256, projectId, visitId, issueId|photoBlobs=sha256|outbox=++seq, [table+rowId]|meta=key',
  2: 'photoDerivatives=[sha256+kind]',
  3: 'visitAmendments=id, visitId, [visitId+seq]|photoAnnotations=id, photoId, sha256',
  4: 'issues=id, status, deadline, [status+deadline], projectId, regionId, *responsibleUnitIds, category, severity, visitId, *_grams',
  5: 'targets=id, year',
  6: 'issues=id, status, deadline, [status+deadline], projectId, regionId, *responsibleUnitIds, category, severity, visitId, *_grams, noticeNumber',
  7: 'devices=node|importReceipts=id, importedAt, manifestSha256',
  8: 'drafts=[formKey+recordId], recordId',
  9: 'syncRefusals=++id, refusedAt|syncHeldBack=++id|syncConflicts=++id, [table+rowId], detectedAt|syncRowTeams=key',
};

const fingerprint = (m: Migration) =>
  Object.entries(m.stores)
    .map(([table, spec]) => `${table}=${spec ?? 'null'}`)
    .join('|');

describe('the migration registry', () => {
  it('only grows: versions increase by one and released versions are unchanged', () => {
    MIGRATIONS.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.why.length).toBeGreaterThan(10);
    });
    for (const [version, print] of Object.entries(RELEASED)) {
      const migration = MIGRATIONS.find((m) => m.version === Number(version));
      expect(migration && fingerprint(migration)).toBe(print);
    }
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('upgrades a database written at an older version and keeps its data', async () => {
    const name = 'migration-upgrade';
    const old = createDatabase(name, MIGRATIONS);
    await old.open();
    await createRecords(old, 'projects', [makeProject()], 1_000);
    const outboxBefore = await old.outbox.count();
    old.close();

    // A next version as a later release would add it: a new index and an upgrade that fills it.
    const next: Migration = {
      version: LATEST_VERSION + 1,
      why: 'test: index projects by plan year for the annual figures',
      stores: {
        projects: 'id, name, regionId, category, phase, leaderId, *responsibleUnitIds, updatedAt, planYear',
      },
      upgrade: async (tx) => {
        await tx
          .table('projects')
          .toCollection()
          .modify((p: { notes: string }) => {
            p.notes = p.notes || '（迁移）';
          });
      },
    };
    const upgraded = createDatabase(name, [...MIGRATIONS, next]);
    await upgraded.open();
    expect(upgraded.verno).toBe(LATEST_VERSION + 1);
    const rows = await upgraded.projects.where('planYear').equals(2026).toArray();
    expect(rows.map((r) => r.name)).toEqual([makeProject().name]);
    expect(rows[0]?.notes).toBe('（迁移）');
    expect(await upgraded.outbox.count()).toBe(outboxBefore);
    expect(canonicalJson(rows[0]?._clocks ?? {})).toContain('completedTotal');
    upgraded.close();
  });
});

describe('version 8: drafts', () => {
  it('adds the local drafts table to a database written at version 7, keeping its records', async () => {
    const name = 'migration-drafts';
    const seven = createDatabase(
      name,
      MIGRATIONS.filter((m) => m.version <= 7),
    );
    await seven.open();
    await createRecords(seven, 'projects', [makeProject()], 1_000);
    const outboxBefore = await seven.outbox.count();
    seven.close();

    const eight = createDatabase(
      name,
      MIGRATIONS.filter((m) => m.version <= 8),
    );
    await eight.open();
    expect(eight.verno).toBe(8);
    expect(await eight.projects.count()).toBe(1);
    await eight.drafts.put({
      formKey: 'project',
      recordId: makeProject().id,
      values: { name: '改名中' },
      base: { name: makeProject().name },
      savedAt: '2026-05-12T00:00:00.000Z',
    });
    expect(await eight.drafts.where('recordId').equals(makeProject().id).count()).toBe(1);
    // A draft is not a record: nothing of it travels.
    expect(await eight.outbox.count()).toBe(outboxBefore);
    eight.close();
  });
});

describe('opening a database that cannot be opened', () => {
  it('says a newer version of Ducha wrote it', async () => {
    const name = 'written-by-newer';
    const newer = new Dexie(name);
    newer.version(LATEST_VERSION + 5).stores({ projects: 'id' });
    await newer.open();
    newer.close();
    const result = await openDatabase({}, name);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('newerVersion');
  });

  it('classifies the browser errors Dexie wraps', () => {
    expect(classifyOpenError({ name: 'OpenFailedError', inner: { name: 'QuotaExceededError' } }).kind).toBe(
      'quota',
    );
    expect(classifyOpenError({ name: 'MissingAPIError', message: 'IndexedDB API missing' }).kind).toBe(
      'unavailable',
    );
    expect(classifyOpenError(new Error('strange')).kind).toBe('unknown');
  });
});

describe('an upgrade blocked by another window', () => {
  it('tells the user to close the other window, then opens once it is closed', async () => {
    const name = 'blocked-by-old-window';
    // An old window holding version 0.5 (native 5) open and ignoring requests to close.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 5);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new Error(String(request.error)));
    });
    old.onversionchange = () => undefined;

    let blocked = false;
    const opening = openDatabase({ onBlocked: () => (blocked = true) }, name);
    await new Promise((r) => setTimeout(r, 100));
    expect(blocked).toBe(true);

    old.close();
    const result = await opening;
    expect(result.ok).toBe(true);
    if (result.ok) result.db.close();
  });
});

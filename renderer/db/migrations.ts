// The schema history. It only grows: append a new version, never edit one that has shipped
// (migrations.test.ts holds a fingerprint of every released version to catch edits).
import type { Transaction } from 'dexie';
import { withDerivedFields } from './derived-fields';
import type { SyncedRow } from '../../shared/sync/merge';

export interface Migration {
  readonly version: number;
  /** One line on why this version exists. */
  readonly why: string;
  /** Dexie store definitions that change in this version (null deletes a store). */
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'The first schema: the domain tables with the indexes the lists and figures need, the outbox of operations, photo blobs by hash, and device metadata.',
    stores: {
      regions: 'id, parentId, level',
      units: 'id, kind, regionId',
      people: 'id, unitId',
      teams: 'id',
      projects: 'id, name, regionId, category, phase, leaderId, *responsibleUnitIds, updatedAt',
      visits: 'id, projectId, date, [projectId+date], type, status',
      checklistTemplates: 'id, key, [key+version]',
      checklistResults: 'id, visitId',
      issues:
        'id, status, deadline, [status+deadline], projectId, regionId, *responsibleUnitIds, category, severity, visitId',
      issueEvents: 'id, issueId, [issueId+seq]',
      photos: 'id, sha256, projectId, visitId, issueId',
      photoBlobs: 'sha256',
      outbox: '++seq, [table+rowId]',
      meta: 'key',
    },
  },
  {
    version: 2,
    why: 'Photo intake: thumbnails and display-size copies of each photo, keyed by the original’s hash and the kind of copy, so lists never decode originals.',
    stores: {
      photoDerivatives: '[sha256+kind]',
    },
  },
  {
    version: 3,
    why: 'Sign-off and corrections: the hash-chained amendments of finalized visits, and the annotation layers drawn over photos (kept apart so originals are never altered).',
    stores: {
      visitAmendments: 'id, visitId, [visitId+seq]',
      photoAnnotations: 'id, photoId, sha256',
    },
  },
  {
    version: 4,
    why: 'Chinese full-text search of issues: a multi-entry index over the character bigrams of each issue (derived-fields.ts), filled for the issues already stored.',
    stores: {
      issues:
        'id, status, deadline, [status+deadline], projectId, regionId, *responsibleUnitIds, category, severity, visitId, *_grams',
    },
    upgrade: async (tx) => {
      await tx
        .table('issues')
        .toCollection()
        .modify((row: SyncedRow) => {
          Object.assign(row, withDerivedFields('issues', row));
        });
    },
  },
  {
    version: 5,
    why: 'The dashboard’s targets (目标任务): the shares of investment, floor area, starts and funding the office sets for each year, a synced record found by its year.',
    stores: {
      targets: 'id, year',
    },
  },
  {
    version: 6,
    why: 'Rectification notices (整改通知书): an index on the issues’ notice number, to find the issues a notice hands over and the last number given in a year.',
    stores: {
      issues:
        'id, status, deadline, [status+deadline], projectId, regionId, *responsibleUnitIds, category, severity, visitId, *_grams, noticeNumber',
    },
  },
  {
    version: 7,
    why: 'Hand-over by USB: the other laptops this one has exchanged bundles with (their keys, whether the user trusts them, what they are known to hold), and a receipt of every import.',
    stores: {
      devices: 'node',
      importReceipts: 'id, importedAt, manifestSha256',
    },
  },
  {
    version: 8,
    why: 'Drafts: what is being typed into a form, one row per form and record, kept on this laptop (never synced) until it is saved or discarded.',
    stores: {
      drafts: '[formKey+recordId], recordId',
    },
  },
  {
    version: 9,
    why: 'Sync: the operations the server refused (a clock a day ahead, a value the record does not allow, another team’s row), kept with the reason to show; operations of tables a newer app added, held back until this one is updated; and the fields two laptops changed without knowing of each other, both values kept for a person to confirm. None is ever lost. An office laptop also notes which team’s log each row came from, to send changes back there.',
    stores: {
      syncRefusals: '++id, refusedAt',
      syncHeldBack: '++id',
      syncConflicts: '++id, [table+rowId], detectedAt',
      syncRowTeams: 'key',
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

// The tables whose rows travel between devices as operations.
export const SYNCED_TABLES = [
  'regions',
  'units',
  'people',
  'teams',
  'projects',
  'visits',
  'checklistTemplates',
  'checklistResults',
  'issues',
  'issueEvents',
  'photos',
  'visitAmendments',
  'photoAnnotations',
  'targets',
] as const;

export type SyncedTable = (typeof SYNCED_TABLES)[number];

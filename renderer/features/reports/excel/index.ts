// The reports' spreadsheets, loaded on demand (import('./excel')): ExcelJS is large and most sessions
// never save one.
export {
  exportIssueLedger,
  type IssueLedgerNames,
  type IssueLedgerOptions,
  type LedgerIssue,
} from './issue-ledger';
export {
  exportBulletinTables,
  type BulletinTables,
  type BulletinTablesOptions,
  type FigureRow,
  type OverdueRow,
  type RankingRow,
} from './bulletin-tables';
export { addOfficeSheet, excelDate, type OfficeColumn, workbookBytes } from './office-sheet';

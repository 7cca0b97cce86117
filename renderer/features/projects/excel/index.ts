// The Excel code, loaded on demand: ExcelJS is large and most sessions never touch a spreadsheet.
export { readSheet, WorkbookReadError, type SheetData } from './read-workbook';
export {
  guessMapping,
  headerSignature,
  missingRequired,
  restoreMapping,
  sharedColumns,
  type ColumnMapping,
} from './mapping';
export { validateRows, summarize, projectsToImport, type RowResult } from './validate-rows';
export { exportLedger } from './export-ledger';
export { LEDGER_FIELDS, FIELD_LABELS, type LedgerField } from './columns';
export {
  checkWithAdditions,
  usedAdditions,
  hasAdditions,
  additionNames,
  type ListAdditions,
} from './additions';

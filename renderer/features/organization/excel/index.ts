// The lists workbook, loaded on demand: ExcelJS is large and most sessions never touch a spreadsheet.
export { makeListsTemplate } from './lists-sheets';
export { readListsWorkbook, ListsFileError, type LocalizedText } from './read-lists';
export { planLists, type ListsPlan } from './plan-lists';

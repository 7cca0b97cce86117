// Save Excel: a workbook made in the page (ExcelJS, loaded only when asked for) saved as a file.
import { downloadFile } from '../../app/download';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function saveWorkbook(make: () => Promise<ArrayBuffer>, fileName: string): Promise<void> {
  downloadFile(await make(), fileName, XLSX_TYPE);
}

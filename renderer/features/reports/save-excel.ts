// Save Excel: a workbook made in the page (ExcelJS, loaded only when asked for) saved as a file.
import { downloadFile, XLSX_MIME } from '../../ui/download';

export async function saveWorkbook(make: () => Promise<ArrayBuffer>, fileName: string): Promise<void> {
  downloadFile(await make(), fileName, XLSX_MIME);
}

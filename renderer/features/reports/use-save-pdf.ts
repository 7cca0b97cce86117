// Save PDF: the document's print HTML goes to the host, which prints it with the shipped font (Electron's
// printToPDF, or headless Chromium on the browser host); the PDF comes back and is saved as a file.
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../../ui/host-context';
import { downloadFile } from '../../ui/download';
import { printPdf } from '../../host/print-pdf';
import type { PreparedReport } from './prepared-report';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

export interface SavedPdf {
  fileName: string;
  pages: number;
  bytes: number;
}

export function useSavePdf() {
  const { t } = useTranslation();
  const host = useHost();
  const [printing, setPrinting] = useState(false);
  const [problem, setProblem] = useState<ReactNode>(null);
  const [saved, setSaved] = useState<SavedPdf | null>(null);

  const save = async (report: PreparedReport): Promise<void> => {
    setPrinting(true);
    setProblem(null);
    setSaved(null);
    try {
      const pdf = await printPdf(host.api, report.html('print'), report.title);
      downloadFile(pdf.bytes.buffer, report.fileName, 'application/pdf');
      setSaved({ fileName: report.fileName, pages: pdf.pages, bytes: pdf.bytes.byteLength });
    } catch (error) {
      setProblem(errorContent(describeFailure(error, t, 'reports.printFailed')));
    } finally {
      setPrinting(false);
    }
  };
  return { save, printing, problem, saved };
}

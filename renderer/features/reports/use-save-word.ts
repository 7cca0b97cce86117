// Save Word: the 公文 made as a .docx in the page (docx, loaded only when asked for) and saved as a file,
// for an office to edit in WPS or Word before it is stamped.
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCX_MIME, downloadFile } from '../../ui/download';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { type PreparedReport, safeFileName } from './prepared-report';

export function useSaveWord() {
  const { t } = useTranslation();
  const [making, setMaking] = useState(false);
  const [problem, setProblem] = useState<ReactNode>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async (report: PreparedReport): Promise<void> => {
    if (!report.word) return;
    setMaking(true);
    setProblem(null);
    setSaved(null);
    try {
      const bytes = await report.word();
      const fileName = safeFileName(report.title, 'docx');
      // A copy that owns its whole buffer: the bytes may be a view into a larger one.
      downloadFile(bytes.slice().buffer, fileName, DOCX_MIME);
      setSaved(fileName);
    } catch (error) {
      setProblem(errorContent(describeFailure(error, t, 'reports.wordFailed')));
    } finally {
      setMaking(false);
    }
  };
  return { save, making, problem, saved };
}

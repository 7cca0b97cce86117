// A rectification notice by its number: the preview and Save PDF of the Reports page, for the issue
// page too — made by the same hook, so both show and print the same document.
import { Typography } from 'antd';
import { ReportOutput } from './ReportOutput';
import { useNoticeReport } from './use-notice-report';

export function NoticeDocument({
  number,
  unitId,
  saveOnReady = false,
}: {
  number: string;
  unitId: string | null;
  /** Save the PDF as soon as it is ready: the notice was just issued. */
  saveOnReady?: boolean;
}) {
  const { report, preparing, problem } = useNoticeReport(number, unitId);
  return (
    <div>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <ReportOutput report={report} preparing={preparing} saveOnReady={saveOnReady} />
    </div>
  );
}

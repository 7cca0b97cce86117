// Below each document's choices: how far its preparation has come, the photos it could not show, the
// Save PDF button (and Save Word for a 公文) with what came of it, and the preview — the very HTML that
// is printed, in a frame that runs no script.
import { Alert, Button, Space, Typography } from 'antd';
import { SteadyProgress } from '../../ui/SteadyProgress';
import { FilePdfOutlined, FileWordOutlined } from '../../ui/icons';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreparedReport } from './prepared-report';
import { useSavePdf } from './use-save-pdf';
import { ReportFaces } from './ReportFaces';
import { useSaveWord } from './use-save-word';
import styles from './reports.module.css';

export interface Preparing {
  done: number;
  total: number;
}

export function ReportOutput({
  report,
  preparing,
  extra,
  saveOnReady = false,
}: {
  report: PreparedReport | null;
  preparing: Preparing | null;
  /** More buttons beside Save PDF (the bulletin's Save Excel). */
  extra?: ReactNode;
  /** Save the PDF once, as soon as the document is ready (a notice just issued is always produced). */
  saveOnReady?: boolean;
}) {
  const { t } = useTranslation();
  const pdf = useSavePdf();
  const word = useSaveWord();
  const preview = useMemo(() => report?.html('preview') ?? null, [report]);
  const savedOnce = useRef<PreparedReport | null>(null);
  const { save } = pdf;
  useEffect(() => {
    if (!saveOnReady || !report || preparing !== null || savedOnce.current !== null) return;
    savedOnce.current = report;
    void save(report);
  }, [saveOnReady, report, preparing, save]);
  return (
    <div className={styles.output}>
      {preparing && (
        <div role="status">
          <SteadyProgress percent={Math.floor((preparing.done / Math.max(1, preparing.total)) * 100)} />
          <Typography.Text type="secondary">
            {t('reports.preparing', { done: preparing.done, total: preparing.total })}
          </Typography.Text>
        </div>
      )}
      {report && report.problems.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('reports.photosMissing', {
            count: report.problems.length,
            names: report.problems.map((p) => p.fileName || p.sha256.slice(0, 8)).join('、'),
          })}
        />
      )}
      <Space wrap>
        <Button
          type="primary"
          icon={<FilePdfOutlined aria-hidden />}
          disabled={!report || preparing !== null}
          loading={pdf.printing}
          onClick={() => report && void pdf.save(report)}
        >
          {t('reports.savePdf')}
        </Button>
        {report?.word && (
          <Button
            icon={<FileWordOutlined aria-hidden />}
            disabled={preparing !== null}
            loading={word.making}
            onClick={() => void word.save(report)}
          >
            {t('reports.saveWord')}
          </Button>
        )}
        {extra}
        {pdf.printing && <Typography.Text type="secondary">{t('reports.printing')}</Typography.Text>}
      </Space>
      {pdf.saved && (
        <Alert
          type="success"
          showIcon
          title={t('reports.saved', { file: pdf.saved.fileName, pages: pdf.saved.pages })}
        />
      )}
      {pdf.problem && <Alert type="error" showIcon role="alert" title={pdf.problem} />}
      {word.saved && <Alert type="success" showIcon title={t('reports.savedWord', { file: word.saved })} />}
      {word.problem && <Alert type="error" showIcon role="alert" title={word.problem} />}
      {report && preview && <ReportFaces />}
      {report && preview && (
        <iframe
          className={styles.preview}
          title={t('reports.previewTitle', { name: report.title })}
          sandbox="allow-same-origin"
          srcDoc={preview}
        />
      )}
    </div>
  );
}

// 销号验收单: choose a closed issue (or arrive from one), see the record with its before and after
// photos, save it as PDF.
import { Form, Select, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n';
import { reportActions, useClosedIssues, useDatabase } from '../../db';
import { useTimeZone } from '../../stores/clock';
import { closeOutReport } from './build-reports';
import { useWorkingSigner } from './use-working-signer';
import { ReportOutput } from './ReportOutput';
import { usePreparedReport } from './use-prepared-report';
import styles from './reports.module.css';

export function CloseOutPanel({
  issueId,
  onChoose,
}: {
  issueId: string | null;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  const db = useDatabase();
  const timeZone = useTimeZone();
  const closed = useClosedIssues();
  const signer = useWorkingSigner();
  const prepare = useCallback(
    async (onProgress: (done: number, total: number) => void) => {
      if (issueId === null) return null;
      const source = await reportActions(db).closeOut(issueId);
      return source ? closeOutReport(source, i18next.getFixedT('zh-CN'), timeZone, onProgress, signer) : null;
    },
    [db, issueId, timeZone, signer],
  );
  const { report, preparing, problem } = usePreparedReport(issueId === null ? null : prepare);
  return (
    <div>
      <Form layout="vertical" className={styles.choices}>
        <Form.Item label={t('reports.choose.issue')} htmlFor="report-issue">
          <Select
            id="report-issue"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('reports.choose.issuePlaceholder')}
            options={(closed ?? []).map((i) => ({
              value: i.id,
              label: `${i.title}（${i.noticeNumber ?? '—'}）`,
            }))}
            value={issueId ?? undefined}
            onChange={onChoose}
            notFoundContent={t('reports.empty.closed')}
          />
        </Form.Item>
      </Form>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <ReportOutput report={report} preparing={preparing} />
    </div>
  );
}

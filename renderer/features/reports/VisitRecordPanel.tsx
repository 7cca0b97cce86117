// 督查记录单: choose a visit (or arrive from one), see the record, save it as PDF.
import { Form, Select, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n';
import { reportActions, useDatabase, useProjects, useRecentVisits } from '../../db';
import { useTimeZone } from '../../stores/clock';
import { visitRecordReport } from './build-reports';
import { useWorkingSigner } from './use-working-signer';
import { ReportOutput } from './ReportOutput';
import { usePreparedReport } from './use-prepared-report';
import styles from './reports.module.css';

export function VisitRecordPanel({
  visitId,
  onChoose,
}: {
  visitId: string | null;
  onChoose: (id: string) => void;
}) {
  const { t } = useTranslation();
  const db = useDatabase();
  const timeZone = useTimeZone();
  const visits = useRecentVisits();
  const signer = useWorkingSigner();
  const projects = useProjects();
  const names = useMemo(() => new Map((projects ?? []).map((p) => [p.id, p.name])), [projects]);
  const options = (visits ?? []).map((v) => ({
    value: v.id,
    label: `${v.date} ${names.get(v.projectId) ?? ''}`,
  }));
  const prepare = useCallback(
    async (onProgress: (done: number, total: number) => void) => {
      if (visitId === null) return null;
      const source = await reportActions(db).visitRecord(visitId);
      return source
        ? visitRecordReport(source, i18next.getFixedT('zh-CN'), timeZone, onProgress, signer)
        : null;
    },
    [db, visitId, timeZone, signer],
  );
  const { report, preparing, problem } = usePreparedReport(visitId === null ? null : prepare);
  return (
    <div>
      <Form layout="vertical" className={styles.choices}>
        <Form.Item label={t('reports.choose.visit')} htmlFor="report-visit">
          <Select
            id="report-visit"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('reports.choose.visitPlaceholder')}
            options={options}
            value={visitId ?? undefined}
            onChange={onChoose}
            notFoundContent={t('reports.empty.visits')}
          />
        </Form.Item>
      </Form>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <ReportOutput report={report} preparing={preparing} />
    </div>
  );
}

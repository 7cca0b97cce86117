// 督查通报: choose the period, the area, the edition and the next steps; make the bulletin (its photos
// prepared with progress), see it, save it as PDF and its tables as Excel.
import { Button, Checkbox, Form, Input, Select, Space, Typography } from 'antd';
import { FileExcelOutlined } from '../../ui/icons';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../../shared/domain/dates';
import { regionsOfCounties } from '../../../shared/figures/counties';
import { typicalProblems } from '../../../shared/reports/bulletin-figures';
import { i18next } from '../../i18n';
import { reportActions, useDatabase, useOrganization } from '../../db';
import { useTimeZone, useToday } from '../../stores/clock';
import { bulletinReport, type PreparedBulletin } from './build-reports';
import { ReportOutput } from './ReportOutput';
import { useWorkingSigner } from './use-working-signer';
import { safeFileName } from './prepared-report';
import { saveWorkbook } from './save-excel';
import { type Prepare, usePreparedReport } from './use-prepared-report';
import styles from './reports.module.css';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { DateInput } from '../../ui/DateInput';

export function BulletinPanel() {
  const { t } = useTranslation();
  const db = useDatabase();
  const timeZone = useTimeZone();
  const today = useToday();
  const organization = useOrganization();
  const signer = useWorkingSigner();
  const [from, setFrom] = useState(() => `${today.slice(0, 7)}-01`);
  const [to, setTo] = useState(today);
  const [countyId, setCounty] = useState<string | null>(null);
  const [edition, setEdition] = useState(
    () => `${today.slice(0, 4)}年第${String(Number(today.slice(5, 7)))}期`,
  );
  const [nextSteps, setNextSteps] = useState('');
  const [sitePhotos, setSitePhotos] = useState(true);
  const [prepare, setPrepare] = useState<Prepare | null>(null);
  const [excelProblem, setExcelProblem] = useState<ReactNode>(null);
  const counties = useMemo(
    () => (organization?.regions ?? []).filter((r) => r.level === 'county'),
    [organization],
  );
  const badPeriod = to < from;

  const make = () => {
    if (!organization || badPeriod) return;
    const regionIds =
      countyId === null ? null : new Set(regionsOfCounties(organization.regions).get(countyId) ?? [countyId]);
    const { sender: senderName, copyTo, printedBy } = signer;
    const options = {
      from,
      to,
      today,
      timeZone,
      countyId,
      edition,
      nextSteps,
      senderName,
      copyTo,
      printedBy,
    };
    setPrepare(() => async (onProgress: (done: number, total: number) => void) => {
      const source = await reportActions(db).bulletin({
        from,
        to,
        regionIds,
        sitePhotos,
        timeZone,
        typicalIssues: (found) => typicalProblems(found),
      });
      return bulletinReport(source, options, i18next.getFixedT('zh-CN'), onProgress);
    });
  };
  const { report, preparing, problem } = usePreparedReport(prepare);
  const bulletin = report as PreparedBulletin | null;

  const saveExcel = async () => {
    if (!bulletin) return;
    setExcelProblem(null);
    try {
      const excel = await import('./excel');
      await saveWorkbook(
        () => excel.exportBulletinTables(bulletin.tables, { title: bulletin.title }),
        safeFileName(bulletin.title, 'xlsx'),
      );
    } catch (error) {
      setExcelProblem(errorContent(describeFailure(error, t, 'reports.excelFailed')));
    }
  };

  return (
    <div>
      <Form layout="vertical" className={styles.choices} onFinish={make}>
        <Space wrap align="start">
          <Form.Item label={t('reports.bulletin.from')} htmlFor="bulletin-from">
            <DateInput id="bulletin-from" value={from} onChange={setFrom} />
          </Form.Item>
          <Form.Item
            label={t('reports.bulletin.to')}
            htmlFor="bulletin-to"
            validateStatus={badPeriod ? 'error' : undefined}
            help={badPeriod ? t('reports.bulletin.badPeriod') : undefined}
          >
            <DateInput id="bulletin-to" value={to} max={addDays(today, 366)} onChange={setTo} />
          </Form.Item>
          <Form.Item label={t('reports.bulletin.area')} htmlFor="bulletin-area">
            <Select
              id="bulletin-area"
              style={{ minWidth: 180 }}
              value={countyId ?? ''}
              onChange={(v: string) => setCounty(v === '' ? null : v)}
              options={[
                { value: '', label: t('reports.bulletin.allAreas') },
                ...counties.map((c) => ({ value: c.id, label: c.name })),
              ]}
            />
          </Form.Item>
          <Form.Item label={t('reports.bulletin.edition')} htmlFor="bulletin-edition">
            <Input
              id="bulletin-edition"
              maxLength={40}
              value={edition}
              onChange={(e) => setEdition(e.target.value)}
            />
          </Form.Item>
        </Space>
        <Form.Item label={t('reports.bulletin.nextSteps')} htmlFor="bulletin-next">
          <Input.TextArea
            id="bulletin-next"
            rows={3}
            maxLength={5000}
            placeholder={t('reports.bulletin.nextStepsPlaceholder')}
            value={nextSteps}
            onChange={(e) => setNextSteps(e.target.value)}
          />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={sitePhotos} onChange={(e) => setSitePhotos(e.target.checked)}>
            {t('reports.bulletin.sitePhotos')}
          </Checkbox>
        </Form.Item>
        <Button htmlType="submit" disabled={!organization || badPeriod || preparing !== null}>
          {t('reports.bulletin.make')}
        </Button>
      </Form>
      {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
      <ReportOutput
        report={report}
        preparing={preparing}
        extra={
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            disabled={!bulletin}
            onClick={() => void saveExcel()}
          >
            {t('reports.saveExcel')}
          </Button>
        }
      />
      {excelProblem && <Typography.Text type="danger">{excelProblem}</Typography.Text>}
    </div>
  );
}

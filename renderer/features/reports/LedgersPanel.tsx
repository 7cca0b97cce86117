// 台账: the issue ledger and the project ledger as spreadsheets in office layout.
import { Button, Card, Space, Typography } from 'antd';
import { FileExcelOutlined } from '../../ui/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportActions, useDatabase, useOrganization, useProjects } from '../../db';
import { useTimeZone, useToday } from '../../stores/clock';
import { OutcomeAlert, type Outcome } from './OutcomeAlert';
import { saveWorkbook } from './save-excel';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

type Ledger = 'issues' | 'projects';

export function LedgersPanel() {
  const { t } = useTranslation();
  const db = useDatabase();
  const today = useToday();
  const timeZone = useTimeZone();
  const organization = useOrganization();
  const projects = useProjects();
  const [busy, setBusy] = useState<Ledger | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const year = Number(today.slice(0, 4));

  const save = async (ledger: Ledger) => {
    if (!organization || !projects) return;
    setBusy(ledger);
    setOutcome(null);
    const names = {
      regions: organization.regionNames,
      units: organization.unitNames,
      people: organization.personNames,
    };
    try {
      if (ledger === 'issues') {
        const title = `${String(year)}年${t('reports.ledgers.issues')}`;
        const [excel, issues] = await Promise.all([import('./excel'), reportActions(db).allIssues()]);
        const projectNames = new Map(projects.map((p) => [p.id, p.name]));
        await saveWorkbook(
          () =>
            excel.exportIssueLedger(issues, { ...names, projects: projectNames }, { title, today, timeZone }),
          `${title}.xlsx`,
        );
        setOutcome({ type: 'success', text: t('reports.savedExcel', { file: `${title}.xlsx` }) });
      } else {
        const title = t('excel.exportTitle', { year });
        const { exportLedger } = await import('../projects/excel');
        await saveWorkbook(() => exportLedger(projects, names, { title, year }), `${title}.xlsx`);
        setOutcome({ type: 'success', text: t('reports.savedExcel', { file: `${title}.xlsx` }) });
      }
    } catch (error) {
      setOutcome({
        type: 'error',
        text: errorContent(describeFailure(error, t, 'reports.excelFailed')),
      });
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 860 }}>
      {(['issues', 'projects'] as const).map((ledger) => (
        <Card key={ledger} size="small" title={t(`reports.ledgers.${ledger}`)}>
          <Typography.Paragraph type="secondary">{t(`reports.ledgers.${ledger}Hint`)}</Typography.Paragraph>
          <Button
            icon={<FileExcelOutlined aria-hidden />}
            loading={busy === ledger}
            disabled={!organization || !projects || busy !== null}
            onClick={() => void save(ledger)}
            aria-label={`${t('reports.saveExcel')} ${t(`reports.ledgers.${ledger}`)}`}
          >
            {t('reports.saveExcel')}
          </Button>
        </Card>
      ))}
      <OutcomeAlert outcome={outcome} />
    </Space>
  );
}

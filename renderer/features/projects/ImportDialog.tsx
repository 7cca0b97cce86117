// 从Excel导入: choose the file, match its columns, preview every row with its errors, and import
// only on confirmation — all rows in one transaction, or none.
import { WorkbookDropZone } from '../../ui/WorkbookDropZone';
import { Alert, App, Button, Checkbox, Modal, Select, Space, Steps, Table, Tag, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import { projectActions, useDatabase, useOrganization, useProjects, useWorkingContext } from '../../db';
import { useToday } from '../../stores/clock';
import { useSession } from '../../stores/session';
import type * as ExcelApi from './excel';
import type { ColumnMapping, LedgerField, RowResult, SheetData } from './excel';
import { recallMapping, rememberMapping } from './excel/remembered-mappings';
import { ListAdditionsOffer } from './ListAdditionsOffer';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure, technicalDetail } from '../../ui/user-error';

type ExcelModule = typeof ExcelApi;
const loadExcel = (): Promise<ExcelModule> => import('./excel');

interface Loaded {
  fileName: string;
  sheet: SheetData;
  excel: ExcelModule;
}

export function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const db = useDatabase();
  const organization = useOrganization();
  const working = useWorkingContext();
  const projects = useProjects();
  const today = useToday();
  const lang = useSession((s) => s.language) === 'en' ? 'en' : 'zh';
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [step, setStep] = useState(0);
  const [readError, setReadError] = useState<ReactNode>(null);
  const [skipBad, setSkipBad] = useState(false);
  const [importing, setImporting] = useState(false);
  const [importError, setImportError] = useState<ReactNode>(null);

  const reset = () => {
    setLoaded(null);
    setMapping(null);
    setStep(0);
    setReadError(null);
    setSkipBad(false);
    setImportError(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const choose = async (file: File) => {
    setReadError(null);
    try {
      const excel = await loadExcel();
      const sheet = await excel.readSheet(await file.arrayBuffer());
      const remembered = excel.restoreMapping(
        recallMapping(excel.headerSignature(sheet.headers)),
        sheet.headers.length,
      );
      setLoaded({ fileName: file.name, sheet, excel });
      setMapping(remembered ?? excel.guessMapping(sheet.headers));
      setStep(1);
    } catch (error) {
      const kind = (error as { kind?: string }).kind;
      setReadError(
        errorContent(
          kind
            ? { message: t(`excel.readError.${kind}`, { file: file.name }), details: technicalDetail(error) }
            : describeFailure(error, t, 'excel.readError.other', { file: file.name }),
        ),
      );
    }
  };

  // Unknown counties, towns and units are not errors: they are offered to be added with the import.
  const checked = useMemo(() => {
    if (!loaded || !mapping || !organization || step < 2) return null;
    const retired = <T extends { retired?: boolean | undefined }>(rows: readonly T[]) =>
      rows.filter((r) => r.retired === true);
    return loaded.excel.checkWithAdditions(loaded.sheet, mapping, {
      regions: organization.regions,
      units: organization.units,
      people: organization.people,
      existingProjectNames: (projects ?? []).map((p) => p.name),
      today,
      now: new Date().toISOString(),
      newId: () => uuidv7(),
      cityId: working?.team?.cityId ?? organization.regions.find((r) => r.level === 'city')?.id ?? null,
      retiredRegions: retired(organization.all.regions),
      retiredUnits: retired(organization.all.units),
    });
  }, [loaded, mapping, organization, projects, today, step, working]);
  const results: RowResult[] = checked?.results ?? [];

  const summary = loaded && results.length ? loaded.excel.summarize(results) : null;
  const toImport = loaded && results.length ? loaded.excel.projectsToImport(results, skipBad) : null;
  const additions =
    loaded && checked && toImport ? loaded.excel.usedAdditions(checked.candidates, toImport) : null;
  const adding = additions !== null && loaded !== null && loaded.excel.hasAdditions(additions);
  const missing = loaded && mapping ? loaded.excel.missingRequired(mapping) : [];
  const shared = loaded && mapping ? loaded.excel.sharedColumns(mapping) : new Map<number, LedgerField[]>();

  const confirm = async () => {
    if (!toImport || !loaded || !mapping) return;
    setImporting(true);
    setImportError(null);
    try {
      const count = await projectActions(db).importMany(toImport, additions ?? undefined);
      rememberMapping(loaded.excel.headerSignature(loaded.sheet.headers), mapping);
      void message.success(t('excel.imported', { count }));
      close();
    } catch (error) {
      setImportError(errorContent(describeFailure(error, t, 'excel.importFailed')));
    } finally {
      setImporting(false);
    }
  };

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('excel.importTitle')}
      width={1000}
      footer={null}
      destroyOnHidden
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          { title: t('excel.stepFile') },
          { title: t('excel.stepMap') },
          { title: t('excel.stepPreview') },
        ]}
      />
      {step === 0 && (
        <>
          <WorkbookDropZone hint={t('excel.chooseFile')} onFile={(file) => void choose(file)} />
          {readError && (
            <Alert type="error" showIcon style={{ marginTop: 12 }} title={readError} role="alert" />
          )}
        </>
      )}
      {step === 1 && loaded && mapping && (
        <>
          <Typography.Paragraph>
            {t('excel.mapIntro', { file: loaded.fileName, rows: loaded.sheet.rows.length })}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            scroll={{ y: 380 }}
            dataSource={loaded.excel.LEDGER_FIELDS.map((field) => ({ field }))}
            columns={[
              {
                title: t('excel.ledgerField'),
                dataIndex: 'field',
                width: 220,
                render: (f: LedgerField) => loaded.excel.FIELD_LABELS[f][lang],
              },
              {
                title: t('excel.fileColumn'),
                dataIndex: 'field',
                render: (f: LedgerField) => (
                  <Select
                    aria-label={loaded.excel.FIELD_LABELS[f][lang]}
                    style={{ width: '100%' }}
                    value={mapping[f] ?? -1}
                    onChange={(column: number) => setMapping({ ...mapping, [f]: column < 0 ? null : column })}
                    options={[
                      { value: -1, label: t('excel.notImported') },
                      ...loaded.sheet.headers.map((h, i) => ({
                        value: i,
                        label: h || t('excel.blankColumn', { n: i + 1 }),
                      })),
                    ]}
                  />
                ),
              },
            ]}
          />
          {missing.length > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('excel.nameRequired')} />
          )}
          {shared.size > 0 && (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('excel.sharedColumn')} />
          )}
          <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
            <Button onClick={reset}>{t('excel.back')}</Button>
            <Button
              type="primary"
              disabled={missing.length > 0 || shared.size > 0}
              onClick={() => setStep(2)}
            >
              {t('excel.toPreview')}
            </Button>
          </Space>
        </>
      )}
      {step === 2 && summary && (
        <>
          <Typography.Paragraph data-testid="import-summary">
            {t('excel.summary', { total: results.length, valid: summary.valid, invalid: summary.invalid })}
          </Typography.Paragraph>
          <Table<RowResult>
            size="small"
            rowKey="rowNumber"
            pagination={false}
            scroll={{ y: 360 }}
            dataSource={results}
            columns={[
              { title: t('excel.row'), dataIndex: 'rowNumber', width: 70 },
              {
                title: t('projects.columns.name'),
                key: 'name',
                width: 280,
                render: (_, r) => r.project?.name ?? r.name,
              },
              {
                title: t('excel.check'),
                key: 'check',
                render: (_, r) =>
                  r.errors.length > 0 ? (
                    <Space direction="vertical" size={0}>
                      {r.errors.map((e, i) => (
                        <Typography.Text key={i} type="danger">
                          {e.message[lang]}
                        </Typography.Text>
                      ))}
                    </Space>
                  ) : r.warnings.length > 0 ? (
                    <Space direction="vertical" size={0}>
                      {r.warnings.map((w, i) => (
                        <Typography.Text key={i} type="warning">
                          {w.message[lang]}
                        </Typography.Text>
                      ))}
                    </Space>
                  ) : (
                    <Tag color="green">{t('excel.rowOk')}</Tag>
                  ),
              },
            ]}
          />
          {summary.invalid > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={t('excel.fixOrSkip')}
              action={
                <Checkbox checked={skipBad} onChange={(e) => setSkipBad(e.target.checked)}>
                  {t('excel.skipBad')}
                </Checkbox>
              }
            />
          )}
          {adding && additions && organization && loaded && (
            <ListAdditionsOffer names={loaded.excel.additionNames(additions, organization.all.regions)} />
          )}
          {importError && (
            <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={importError} />
          )}
          <Space style={{ marginTop: 16, justifyContent: 'flex-end', width: '100%' }}>
            <Button onClick={() => setStep(1)}>{t('excel.back')}</Button>
            <Button
              type="primary"
              loading={importing}
              disabled={!toImport || toImport.length === 0}
              onClick={() => void confirm()}
            >
              {adding
                ? t('lists.additions.accept')
                : t('excel.importCount', { count: toImport?.length ?? 0 })}
            </Button>
          </Space>
        </>
      )}
    </Modal>
  );
}

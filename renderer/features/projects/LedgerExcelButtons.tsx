// 从Excel导入 and 导出台账 beside the ledger.
import { DownloadOutlined, UploadOutlined } from '../../ui/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Project } from '../../../shared/domain/project';
import { downloadFile, XLSX_MIME } from '../../ui/download';
import { lazyPage } from '../../ui/lazy-page';
import type { Organization } from '../../db';
import { today } from '../../stores/clock';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { ReadAction } from '../../ui/ReadAction';

// The import dialog (a table, steps, an upload area) is loaded the first time it is opened.
const ImportDialog = lazyPage(() => import('./ImportDialog').then((m) => m.ImportDialog));

export function LedgerExcelButtons({
  rows,
  organization,
}: {
  rows: readonly Project[];
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [importing, setImporting] = useState(false);
  // Mounted from its first opening on, so that it keeps its closing animation afterwards.
  const [importOpened, setImportOpened] = useState(false);
  const [exporting, setExporting] = useState(false);

  const openImport = async () => {
    try {
      await ImportDialog.preload();
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'errors.when.open')));
      return;
    }
    setImportOpened(true);
    setImporting(true);
  };

  const exportRows = async () => {
    setExporting(true);
    const year = Number(today().slice(0, 4));
    try {
      const { exportLedger } = await import('./excel');
      const title = t('excel.exportTitle', { year });
      const bytes = await exportLedger(
        rows,
        {
          regions: organization?.regionNames ?? new Map(),
          units: organization?.unitNames ?? new Map(),
          people: organization?.personNames ?? new Map(),
        },
        { title, year },
      );
      downloadFile(bytes, `${title}.xlsx`, XLSX_MIME);
      void message.success(t('excel.exported', { count: rows.length }));
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'excel.exportFailed')));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Space>
      <Button icon={<UploadOutlined />} onClick={() => void openImport()}>
        {t('excel.import')}
      </Button>
      <ReadAction>
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          disabled={rows.length === 0}
          onClick={() => void exportRows()}
        >
          {t('excel.export')}
        </Button>
      </ReadAction>
      {importOpened && <ImportDialog open={importing} onClose={() => setImporting(false)} />}
    </Space>
  );
}

// 导入名录 and 下载模板 on the Organization page: the team's counties, towns, units and people from one
// workbook, as easily as the project ledger is imported, and the empty workbook to fill in.
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile, XLSX_MIME } from '../../ui/download';
import { errorContent } from '../../ui/ErrorDetails';
import { DownloadOutlined, UploadOutlined } from '../../ui/icons';
import { lazyPage } from '../../ui/lazy-page';
import { describeFailure } from '../../ui/user-error';

// The dialog (and ExcelJS behind it) is loaded the first time it is opened.
const ImportListsDialog = lazyPage(() => import('./ImportListsDialog').then((m) => m.ImportListsDialog));

export function ImportListsButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [saving, setSaving] = useState(false);

  const openDialog = async () => {
    try {
      await ImportListsDialog.preload();
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'errors.when.open')));
      return;
    }
    setOpened(true);
    setOpen(true);
  };

  const saveTemplate = async () => {
    setSaving(true);
    try {
      const { makeListsTemplate } = await import('./excel');
      downloadFile(await makeListsTemplate(), t('lists.import.templateFile'), XLSX_MIME);
      void message.success(t('lists.import.templateSaved'));
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'lists.import.templateFailed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Button icon={<UploadOutlined />} onClick={() => void openDialog()}>
        {t('lists.import.button')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={saving} onClick={() => void saveTemplate()}>
        {t('lists.import.template')}
      </Button>
      {opened && <ImportListsDialog open={open} onClose={() => setOpen(false)} />}
    </Space>
  );
}

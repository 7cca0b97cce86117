// 导入回执: every import, what it brought and from where; exportable as a JSON file (and written into
// every export folder, so the office sees what each laptop took in).
import { Button, Table } from 'antd';
import { DownloadOutlined } from '../../ui/icons';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../ui/download';
import { formatInstant } from '../../ui/format-instant';
import { useSession } from '../../stores/session';
import { type ImportReceiptRow, useImportReceipts } from '../../db';
import { ConflictTable } from './import/ConflictTable';

export function ReceiptsPanel() {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const receipts = useImportReceipts();
  const save = () => {
    const text = `${JSON.stringify(receipts ?? [], null, 2)}\n`;
    downloadFile(new TextEncoder().encode(text).buffer, 'import-receipts.json', 'application/json');
  };
  return (
    <>
      <Button
        icon={<DownloadOutlined aria-hidden />}
        onClick={save}
        disabled={!receipts?.length}
        style={{ marginBottom: 12 }}
      >
        {t('exchange.receipts.save')}
      </Button>
      <Table<ImportReceiptRow>
        size="small"
        aria-label={t('exchange.tabs.receipts')}
        rowKey="id"
        loading={receipts === undefined}
        dataSource={receipts ?? []}
        locale={{ emptyText: t('exchange.receipts.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        // A receipt with conflicts opens to them: both values, and which one stands.
        expandable={{
          rowExpandable: (r) => (r.conflicts?.length ?? 0) > 0,
          expandedRowRender: (r) => <ConflictTable conflicts={r.conflicts ?? []} />,
        }}
        columns={[
          { title: t('exchange.receipts.when'), render: (_, r) => formatInstant(r.importedAt, language) },
          { title: t('exchange.receipts.from'), render: (_, r) => r.source.name },
          {
            title: t('exchange.receipts.kind'),
            render: (_, r) =>
              t(r.bundleKind === 'full' ? 'exchange.import.kindFull' : 'exchange.import.kindIncremental'),
          },
          {
            title: t('exchange.receipts.counts'),
            render: (_, r) =>
              `${String(r.counts.newRows)} / ${String(r.counts.changedRows)} / ${String(r.counts.conflicts)}`,
          },
          { title: t('exchange.receipts.photos'), render: (_, r) => r.counts.newPhotos },
          { title: t('exchange.receipts.folder'), dataIndex: 'folder', ellipsis: true },
        ]}
      />
    </>
  );
}

// The fields both laptops changed without knowing of each other: the record, the field by the label
// the app's forms give it, both values in words, and the side that stands. Shown in the import's
// preview and, for every import since, in its receipt, where the value that lost stays readable.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportConflict } from '../../../db';
import { shownText } from '../shown-text';
import { fieldLabel, tableLabel, valueText } from './change-text';
import { ShortText } from './ShortText';

export function ConflictTable({ conflicts }: { conflicts: readonly ImportConflict[] }) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  const value = (c: ImportConflict, v: ImportConflict['localValue']) => (
    <ShortText text={valueText(t, exists, c.table, c.field, v)} />
  );
  return (
    <Table<ImportConflict>
      size="small"
      aria-label={t('exchange.import.conflictTable')}
      title={() => t('exchange.import.conflictTable')}
      rowKey={(c) => `${c.table}/${c.rowId}/${c.field}`}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
      dataSource={[...conflicts]}
      columns={[
        {
          title: t('exchange.import.record'),
          render: (_, c) => `${tableLabel(t, c.table)} · ${shownText(c.label || c.rowId)}`,
        },
        { title: t('exchange.import.field'), render: (_, c) => fieldLabel(t, exists, c.table, c.field) },
        { title: t('exchange.import.local'), render: (_, c) => value(c, c.localValue) },
        { title: t('exchange.import.incoming'), render: (_, c) => value(c, c.incomingValue) },
        {
          title: t('exchange.import.winner'),
          render: (_, c) => t(c.winner === 'local' ? 'exchange.import.local' : 'exchange.import.incoming'),
        },
      ]}
    />
  );
}

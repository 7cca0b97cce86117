// What an import would change, per record: the records here it would overwrite first (field, current
// value → incoming value), then the new records collapsed by table with counts. Searchable by title,
// field and value, and paged, since a full bundle of a campaign holds thousands of records. The list
// itself is computed once by the preview (renderer/db); here it is only worded, filtered and shown.
import { Collapse, Input, Table, Tag, Typography } from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncedTable } from '../../../../shared/sync/tables';
import type { RecordChange } from '../../../db';
import { fieldLabel, tableLabel, valueText } from './change-text';
import { ShortText } from './ShortText';

/** A field change in words, ready to show and to search. */
interface FieldLine {
  readonly key: string;
  readonly label: string;
  readonly current: string;
  readonly incoming: string;
  readonly conflict: boolean;
}

interface Worded {
  readonly key: string;
  readonly change: RecordChange;
  readonly kind: string;
  readonly title: string;
  readonly lines: FieldLine[];
  /** Lower-cased title, fields and values, for the search. */
  readonly text: string;
}

const PAGE = { pageSize: 10, hideOnSinglePage: true, showSizeChanger: false } as const;

function FieldLines({ lines, fresh }: { lines: readonly FieldLine[]; fresh: boolean }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {lines.map((line) => (
        <li key={line.key}>
          <Typography.Text strong>{line.label}</Typography.Text>
          {t('importPreview.colon')}
          {!fresh && (
            <>
              <Typography.Text type="secondary" delete>
                <ShortText text={line.current} />
              </Typography.Text>
              {' → '}
            </>
          )}
          <ShortText text={line.incoming} />
          {line.conflict && (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t('importPreview.conflict')}
            </Tag>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ImportChanges({ changes }: { changes: readonly RecordChange[] }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const worded = useMemo<Worded[]>(() => {
    const exists = (key: string) => i18n.exists(key);
    return changes.map((change) => {
      const lines: FieldLine[] = change.fields.map((f) => ({
        key: f.field,
        label: fieldLabel(t, exists, change.table, f.field),
        current: valueText(t, exists, change.table, f.field, f.current),
        incoming: valueText(t, exists, change.table, f.field, f.incoming),
        conflict: f.conflict,
      }));
      if (change.deletion)
        lines.unshift({
          key: '\u0000deletion',
          label: t(`importPreview.${change.deletion}`),
          current: '',
          incoming: '',
          conflict: false,
        });
      const title = change.title.join(' · ') || change.rowId;
      const kind = tableLabel(t, change.table);
      const text = [kind, title, ...lines.flatMap((l) => [l.label, l.current, l.incoming])].join('\n');
      return { key: `${change.table}/${change.rowId}`, change, kind, title, lines, text: text.toLowerCase() };
    });
    // The words change with the language; `i18n.language` makes the list follow it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [changes, t, i18n.language]);
  const shown = useMemo(
    () => (deferred ? worded.filter((w) => w.text.includes(deferred)) : worded),
    [worded, deferred],
  );
  const overwrites = shown.filter((w) => w.change.kind === 'overwrite');
  const added = new Map<SyncedTable, Worded[]>();
  for (const w of shown)
    if (w.change.kind === 'new') added.set(w.change.table, [...(added.get(w.change.table) ?? []), w]);
  const addedCount = shown.length - overwrites.length;

  return (
    <section aria-label={t('importPreview.region')} data-testid="import-changes">
      <Input.Search
        allowClear
        aria-label={t('importPreview.search')}
        placeholder={t('importPreview.searchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        style={{ maxWidth: 360, marginBottom: 8 }}
      />
      {deferred && (
        <Typography.Paragraph type="secondary" role="status">
          {shown.length > 0
            ? t('importPreview.matches', { count: shown.length })
            : t('importPreview.noMatch')}
        </Typography.Paragraph>
      )}
      <Typography.Title level={5}>
        {t('importPreview.overwrites', { count: overwrites.length })}
      </Typography.Title>
      {overwrites.length === 0 ? (
        !deferred && <Typography.Paragraph>{t('importPreview.noOverwrites')}</Typography.Paragraph>
      ) : (
        <Table<Worded>
          size="small"
          rowKey="key"
          dataSource={overwrites}
          pagination={PAGE}
          columns={[
            { title: t('importPreview.table'), dataIndex: 'kind', width: 120 },
            { title: t('importPreview.record'), render: (_, w) => <ShortText text={w.title} />, width: 260 },
            {
              title: t('importPreview.changes'),
              render: (_, w) => <FieldLines lines={w.lines} fresh={false} />,
            },
          ]}
        />
      )}
      {addedCount > 0 && (
        <>
          <Typography.Title level={5}>
            {t('importPreview.newRecords', { count: addedCount })}
          </Typography.Title>
          <Collapse
            size="small"
            items={[...added].map(([table, rows]) => ({
              key: table,
              label: t('importPreview.newInTable', { table: tableLabel(t, table), count: rows.length }),
              children: (
                <Table<Worded>
                  size="small"
                  rowKey="key"
                  dataSource={rows}
                  pagination={PAGE}
                  expandable={{ expandedRowRender: (w) => <FieldLines lines={w.lines} fresh /> }}
                  columns={[
                    { title: t('importPreview.record'), render: (_, w) => <ShortText text={w.title} /> },
                    {
                      title: t('importPreview.changes'),
                      width: 140,
                      render: (_, w) => t('importPreview.fields', { count: w.lines.length }),
                    },
                  ]}
                />
              ),
            }))}
          />
        </>
      )}
    </section>
  );
}

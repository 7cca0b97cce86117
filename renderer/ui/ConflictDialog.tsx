// Before a save would overwrite a field changed elsewhere since the form opened: one row per such
// field — its value there (who, when) and the value typed here — and the person picks, field by field,
// which to keep. Save stays disabled until every field has its choice: nothing is overwritten silently.
import { Modal, Radio, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from './format-instant';
import { useSession } from '../stores/session';

/** One conflicting field, as the data layer reports it (FieldConflict). */
export interface ConflictRow {
  field: string;
  mine: unknown;
  theirs: unknown;
  theirsAt: string | null;
  theirsBy: string | null;
}

export type ConflictChoice = 'mine' | 'theirs';

interface Props {
  /** The conflicts to decide; null while there are none (the dialog is closed). */
  conflicts: readonly ConflictRow[] | null;
  /** The field's name as the form shows it. */
  labelOf: (field: string) => string;
  /** A field's value as the person reads it (amounts in 万元, names for ids…). */
  formatValue: (field: string, value: unknown) => string;
  saving?: boolean;
  onSave: (choices: Record<string, ConflictChoice>) => void;
  onCancel: () => void;
}

export function ConflictDialog({ conflicts, labelOf, formatValue, saving, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const rows = conflicts ?? [];
  const decided = rows.every((c) => choices[c.field] !== undefined);
  const shown = (field: string, value: unknown) => {
    const text = formatValue(field, value);
    return text === '' ? t('drafts.conflict.empty') : text;
  };

  return (
    <Modal
      open={conflicts !== null}
      title={t('drafts.conflict.title')}
      width={920}
      okText={t('drafts.conflict.save')}
      cancelText={t('drafts.conflict.cancel')}
      okButtonProps={{ disabled: !decided, loading: saving ?? false }}
      onOk={() => onSave(choices)}
      onCancel={onCancel}
      afterClose={() => setChoices({})}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('drafts.conflict.intro')}</Typography.Paragraph>
      <Table<ConflictRow>
        rowKey="field"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('drafts.conflict.field'),
            dataIndex: 'field',
            width: 150,
            render: (field: string) => <Typography.Text strong>{labelOf(field)}</Typography.Text>,
          },
          {
            title: t('drafts.conflict.theirs'),
            key: 'theirs',
            render: (_, c) => (
              <div data-testid={`conflict-theirs-${c.field}`}>
                <div>{shown(c.field, c.theirs)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('drafts.conflict.by', {
                    who: c.theirsBy ?? t('drafts.conflict.thisLaptop'),
                    at: c.theirsAt ? formatInstant(c.theirsAt, language) : t('drafts.conflict.unknownWho'),
                  })}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: t('drafts.conflict.yours'),
            key: 'mine',
            render: (_, c) => <div data-testid={`conflict-mine-${c.field}`}>{shown(c.field, c.mine)}</div>,
          },
          {
            title: t('drafts.conflict.choice'),
            key: 'choice',
            width: 150,
            render: (_, c) => (
              <Radio.Group
                aria-label={labelOf(c.field)}
                style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                value={choices[c.field]}
                onChange={(e) =>
                  setChoices((all) => ({ ...all, [c.field]: e.target.value as ConflictChoice }))
                }
                options={[
                  { value: 'theirs', label: t('drafts.conflict.keepTheirs') },
                  { value: 'mine', label: t('drafts.conflict.useMine') },
                ]}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}

/** A value for reading when the form has no better way to show it. */
export function plainValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(plainValue).join('、');
  return JSON.stringify(value);
}

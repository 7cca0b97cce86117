// On a record's own page: the fields of it two laptops changed apart, not yet confirmed, with the way
// to the Conflicts page where both values stand side by side.
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useRecordConflicts } from '../../db';
import { fieldLabel } from '../exchange';

export function RecordConflicts({ table, rowId }: { table: string; rowId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const open = useRecordConflicts(table, rowId);
  if (!open || open.length === 0) return null;
  const fields = [...new Set(open.map((c) => fieldLabel(t, (key) => i18n.exists(key), c.table, c.field)))];
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="record-conflicts"
      title={t('sync.conflicts.onRecord', { count: open.length, fields: fields.join('、') })}
      action={
        <Button size="small" onClick={() => void navigate('/conflicts')}>
          {t('sync.conflicts.open')}
        </Button>
      }
    />
  );
}

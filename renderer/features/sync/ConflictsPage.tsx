// 冲突: the fields two laptops changed without knowing of each other, both values kept until a person
// confirms one; the confirmed ones below.
import { Empty, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSyncConflicts } from '../../db';
import { ConflictCard } from './ConflictCard';

export function ConflictsPage() {
  const { t } = useTranslation();
  const conflicts = useSyncConflicts();
  const open = conflicts?.filter((c) => !c.decided) ?? [];
  const decided = conflicts?.filter((c) => c.decided) ?? [];
  return (
    <section aria-labelledby="section-title">
      <Typography.Title level={3} id="section-title">
        {t('sync.conflicts.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('sync.conflicts.intro')}
      </Typography.Paragraph>
      {conflicts === undefined ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
          {open.length === 0 && <Empty description={t('sync.conflicts.none')} />}
          {open.map((c) => (
            <ConflictCard key={c.id} conflict={c} />
          ))}
          {decided.length > 0 && (
            <>
              <Typography.Title level={4}>{t('sync.conflicts.decidedTitle')}</Typography.Title>
              {decided.map((c) => (
                <ConflictCard key={c.id} conflict={c} />
              ))}
            </>
          )}
        </Space>
      )}
    </section>
  );
}

// The saved versions of a template, newest first. Each stays as it was saved: visits filled with it show it.
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { itemCount, maxScore } from '../../../shared/checklists/template-edit';
import type { ChecklistTemplate } from '../../../shared/domain/checklist';
import { formatInstant } from '../../ui/format-instant';
import { useSession } from '../../stores/session';

export function VersionHistory({ versions }: { versions: readonly ChecklistTemplate[] }) {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  return (
    <Card
      size="small"
      title={<span id="template-versions-title">{t('checklistTemplates.history.title')}</span>}
    >
      <Table<ChecklistTemplate>
        aria-labelledby="template-versions-title"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={[...versions]}
        columns={[
          {
            title: t('checklistTemplates.columns.version'),
            key: 'version',
            width: 200,
            render: (_, v, i) => (
              <>
                {t('checklistTemplates.version', { version: v.version })}
                {i === 0 && (
                  <Tag color="blue" style={{ marginLeft: 8 }}>
                    {t('checklistTemplates.history.current')}
                  </Tag>
                )}
              </>
            ),
          },
          {
            title: t('checklistTemplates.columns.name'),
            dataIndex: 'name',
          },
          {
            title: t('checklistTemplates.columns.items'),
            key: 'items',
            width: 90,
            align: 'right',
            render: (_, v) => itemCount(v),
          },
          {
            title: t('checklistTemplates.columns.scoring'),
            key: 'scoring',
            width: 120,
            render: (_, v) => {
              const total = maxScore(v);
              return total === null
                ? t('checklistTemplates.notScored')
                : t('checklistTemplates.maxScore', { total });
            },
          },
          {
            title: t('checklistTemplates.history.saved'),
            key: 'saved',
            width: 200,
            render: (_, v) =>
              v.builtIn ? t('checklistTemplates.history.builtIn') : formatInstant(v.createdAt, language),
          },
        ]}
      />
    </Card>
  );
}

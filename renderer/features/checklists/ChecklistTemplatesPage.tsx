// 检查表模板: every template by its latest version, with a way to edit it or copy it into a new one.
import { CopyOutlined, EditOutlined, PlusOutlined } from '../../ui/icons';
import { Button, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { itemCount, maxScore } from '../../../shared/checklists/template-edit';
import { type TemplateSummary, useTemplateCatalog } from '../../db';
import { OriginTag } from './OriginTag';

export const editPath = (key: string) => `/checklists/${encodeURIComponent(key)}/edit`;
export const copyPath = (key: string) => `/checklists/new?from=${encodeURIComponent(key)}`;

export function ChecklistTemplatesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const catalog = useTemplateCatalog();
  return (
    <section aria-labelledby="checklist-templates-title">
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 16 }}>
        <Typography.Title level={3} id="checklist-templates-title" style={{ flex: 1 }}>
          {t('checklistTemplates.title')}
        </Typography.Title>
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => void navigate('/checklists/new')}
        >
          {t('checklistTemplates.new')}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t('checklistTemplates.intro')}</Typography.Paragraph>
      <Table<TemplateSummary>
        aria-label={t('checklistTemplates.title')}
        rowKey={(s) => s.latest.key}
        size="middle"
        loading={catalog === undefined}
        dataSource={catalog}
        pagination={false}
        locale={{ emptyText: t('checklistTemplates.empty') }}
        columns={[
          {
            title: t('checklistTemplates.columns.name'),
            key: 'name',
            render: (_, s) => <Link to={editPath(s.latest.key)}>{s.latest.name}</Link>,
          },
          {
            title: t('checklistTemplates.columns.version'),
            key: 'version',
            width: 110,
            render: (_, s) => t('checklistTemplates.version', { version: s.latest.version }),
          },
          {
            title: t('checklistTemplates.columns.items'),
            key: 'items',
            width: 100,
            align: 'right',
            render: (_, s) => itemCount(s.latest),
          },
          {
            title: t('checklistTemplates.columns.scoring'),
            key: 'scoring',
            width: 120,
            render: (_, s) => {
              const total = maxScore(s.latest);
              return total === null
                ? t('checklistTemplates.notScored')
                : t('checklistTemplates.maxScore', { total });
            },
          },
          {
            title: t('checklistTemplates.columns.origin'),
            key: 'origin',
            width: 150,
            render: (_, s) => <OriginTag summary={s} />,
          },
          {
            title: t('checklistTemplates.columns.actions'),
            key: 'actions',
            width: 240,
            render: (_, s) => (
              <Space size={4}>
                <Button
                  size="small"
                  icon={<EditOutlined aria-hidden />}
                  onClick={() => void navigate(editPath(s.latest.key))}
                >
                  {t('checklistTemplates.edit')}
                </Button>
                <Button
                  size="small"
                  icon={<CopyOutlined aria-hidden />}
                  onClick={() => void navigate(copyPath(s.latest.key))}
                >
                  {t('checklistTemplates.duplicate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}

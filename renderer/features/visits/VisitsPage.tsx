// 督查记录: the latest visits of all projects.
import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Visit } from '../../../shared/domain/visit';
import { useProjects, useRecentVisits } from '../../db';
import { FileAddOutlined } from '../../ui/icons';
import { NewVisitDialog } from './NewVisitDialog';

export function VisitsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const visits = useRecentVisits();
  const projects = useProjects();
  const projectNames = new Map((projects ?? []).map((p) => [p.id, p.name]));
  const [creating, setCreating] = useState(false);
  return (
    <section aria-labelledby="visits-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="baseline" wrap>
        <Typography.Title level={3} id="visits-title">
          {t('nav.visits')}
        </Typography.Title>
        <Button type="primary" icon={<FileAddOutlined />} onClick={() => setCreating(true)}>
          {t('evidence.newVisit')}
        </Button>
      </Space>
      <NewVisitDialog open={creating} onClose={() => setCreating(false)} />
      <Typography.Paragraph type="secondary">{t('visits.howToStart')}</Typography.Paragraph>
      <Table<Visit>
        rowKey="id"
        size="middle"
        loading={visits === undefined}
        dataSource={visits}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        onRow={(v) => ({ onClick: () => void navigate(`/visits/${v.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('visits.empty') }}
        columns={[
          { title: t('visits.fields.date'), dataIndex: 'date', width: 120 },
          {
            title: t('visits.fields.project'),
            dataIndex: 'projectId',
            render: (id: string) => projectNames.get(id) ?? '',
          },
          {
            title: t('visits.fields.type'),
            dataIndex: 'type',
            width: 120,
            render: (v: Visit['type']) => t(`visitType.${v}`),
          },
          {
            title: t('visits.fields.percentComplete'),
            dataIndex: 'percentComplete',
            width: 110,
            align: 'right',
            render: (p: number | null) => (p === null ? '—' : `${p}%`),
          },
          {
            title: t('visits.fields.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: Visit['status']) => (
              <Tag color={s === 'finalized' ? 'green' : 'gold'}>{t(`visits.status.${s}`)}</Tag>
            ),
          },
        ]}
      />
    </section>
  );
}

// The project's visits, newest first; a row opens the visit.
import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Visit } from '../../../../shared/domain/visit';

export function ProjectVisits({ visits }: { visits: readonly Visit[] | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card title={t('nav.visits')}>
      <Table<Visit>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        loading={visits === undefined}
        dataSource={visits ? [...visits] : []}
        onRow={(v) => ({ onClick: () => void navigate(`/visits/${v.id}`), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('visits.empty') }}
        columns={[
          { title: t('visits.fields.date'), dataIndex: 'date', width: 120 },
          {
            title: t('visits.fields.type'),
            dataIndex: 'type',
            width: 120,
            render: (v: Visit['type']) => t(`visitType.${v}`),
          },
          { title: t('visits.fields.narrative'), dataIndex: 'progressNarrative', ellipsis: true },
          {
            title: t('visits.fields.status'),
            dataIndex: 'status',
            width: 100,
            render: (s: Visit['status']) => (
              <Tag color={s === 'finalized' ? 'green' : 'gold'}>{t(`visits.status.${s}`)}</Tag>
            ),
          },
        ]}
      />
    </Card>
  );
}

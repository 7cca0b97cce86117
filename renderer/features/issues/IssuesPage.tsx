// The issue list (问题清单): search in Chinese, filters by status, colour card, category and county,
// a virtual table with colour cards and days left, and a row opens the issue.
import { Checkbox, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ISSUE_CATEGORIES, ISSUE_STATUSES, type Issue } from '../../../shared/domain/issue';
import { CARD_COLOURS, type CardColour } from '../../../shared/issues/colour-card';
import { daysLeft, type IssueFilter, useIssueList, useOrganization } from '../../db';
import { useToday } from '../../stores/clock';
import { ColourCard } from './ColourCard';

export function IssuesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = useToday();
  const organization = useOrganization();
  const [filter, setFilter] = useState<IssueFilter>({});
  const issues = useIssueList(filter, today);
  const set = (change: Partial<IssueFilter>) => setFilter((f) => ({ ...f, ...change }));
  const counties = (organization?.regions ?? []).filter((r) => r.level === 'county');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('issue.list.title')}
        </Typography.Title>
        <Typography.Text data-testid="issue-count">
          {issues === undefined ? '' : t('issue.list.count', { count: issues.length })}
        </Typography.Text>
      </Space>
      <Space wrap>
        <Input.Search
          allowClear
          aria-label={t('issue.list.search')}
          placeholder={t('issue.list.search')}
          style={{ width: 260 }}
          onChange={(e) => set({ search: e.target.value })}
        />
        <FilterSelect
          label={t('issue.fields.status')}
          width={180}
          options={ISSUE_STATUSES.map((s) => ({ value: s, label: t(`issue.status.${s}`) }))}
          onChange={(statuses: Issue['status'][]) => set({ statuses })}
        />
        <FilterSelect
          label={t('issue.list.card')}
          width={140}
          options={CARD_COLOURS.map((c) => ({ value: c, label: t(`issue.card.${c}`) }))}
          onChange={(cards: CardColour[]) => set({ cards })}
        />
        <FilterSelect
          label={t('issue.fields.category')}
          width={160}
          options={ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`issueCategory.${c}`) }))}
          onChange={(categories: Issue['category'][]) => set({ categories })}
        />
        <FilterSelect
          label={t('issue.list.county')}
          width={160}
          options={counties.map((r) => ({ value: r.id, label: r.name }))}
          onChange={(regionIds: string[]) =>
            set({
              regionIds: regionIds.flatMap((id) => [
                id,
                ...(organization?.regions ?? []).filter((r) => r.parentId === id).map((r) => r.id),
              ]),
            })
          }
        />
        <Checkbox onChange={(e) => set({ needsCoordination: e.target.checked })}>
          {t('issue.fields.coordination')}
        </Checkbox>
      </Space>
      <Table<Issue>
        rowKey="id"
        size="small"
        virtual
        scroll={{ x: 1000, y: 560 }}
        pagination={false}
        loading={issues === undefined}
        dataSource={issues ?? []}
        aria-label={t('issue.list.title')}
        onRow={(issue) => ({
          onClick: () => void navigate(`/issues/${issue.id}`),
          style: { cursor: 'pointer' },
        })}
        columns={[
          { title: t('issue.list.columns.title'), dataIndex: 'title', width: 320, ellipsis: true },
          {
            title: t('issue.fields.status'),
            dataIndex: 'status',
            width: 110,
            render: (s: Issue['status']) => <Tag>{t(`issue.status.${s}`)}</Tag>,
          },
          {
            title: t('issue.list.card'),
            key: 'card',
            width: 90,
            render: (_: unknown, issue) => <ColourCard issue={issue} today={today} />,
          },
          { title: t('issue.fields.deadline'), dataIndex: 'deadline', width: 110 },
          {
            title: t('issue.list.columns.daysLeft'),
            key: 'days',
            width: 90,
            render: (_: unknown, issue) => (issue.status === 'closed' ? '—' : daysLeft(issue, today)),
          },
          {
            title: t('issue.fields.category'),
            dataIndex: 'category',
            width: 120,
            render: (c: Issue['category']) => t(`issueCategory.${c}`),
          },
          {
            title: t('issue.fields.units'),
            dataIndex: 'responsibleUnitIds',
            width: 200,
            ellipsis: true,
            render: (ids: string[]) => ids.map((id) => organization?.unitNames.get(id) ?? id).join('、'),
          },
          {
            title: t('issue.list.county'),
            dataIndex: 'regionId',
            width: 140,
            render: (id: string) => organization?.regionNames.get(id) ?? '',
          },
        ]}
      />
    </Space>
  );
}

/** A filter of the list: several values may be chosen; none chosen means no condition. */
function FilterSelect<T extends string>(props: {
  label: string;
  width: number;
  options: { value: T; label: string }[];
  onChange: (values: T[]) => void;
}) {
  return (
    <Select<T[]>
      mode="multiple"
      allowClear
      aria-label={props.label}
      placeholder={props.label}
      style={{ minWidth: props.width }}
      options={props.options}
      onChange={props.onChange}
    />
  );
}

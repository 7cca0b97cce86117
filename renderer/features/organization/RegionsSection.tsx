// Counties and towns (县区/乡镇) under the team's city: add, rename, retire, restore.
import { Button, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Region } from '../../../shared/domain/organization';
import { organizationActions, useDatabase, useOrganization, useWorkingContext } from '../../db';
import { PlusOutlined } from '../../ui/icons';
import { cityOf } from './city';
import { FormDialog } from './FormDialog';
import { EntryName } from './RetiredTag';
import { RetireButton } from './RetireButton';

type Dialog =
  { kind: 'county' } | { kind: 'town'; county: Region } | { kind: 'rename'; region: Region } | null;

interface Row extends Region {
  children?: Row[];
}

export function RegionsSection() {
  const { t } = useTranslation();
  const actions = organizationActions(useDatabase());
  const org = useOrganization();
  const working = useWorkingContext();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  if (!org || !working) return null;

  const city = cityOf(org, working);
  const counties = org.all.regions.filter((r) => r.level === 'county');
  const rows: Row[] = counties.map((county) => {
    const towns = org.all.regions.filter((r) => r.level === 'town' && r.parentId === county.id);
    return towns.length > 0 ? { ...county, children: towns } : county;
  });

  const submit = async ({ name }: { name: string }) => {
    if (dialog?.kind === 'county')
      await actions.addRegion({ name, level: 'county', parentId: city?.id ?? null });
    else if (dialog?.kind === 'town')
      await actions.addRegion({ name, level: 'town', parentId: dialog.county.id });
    else if (dialog?.kind === 'rename') await actions.updateRegion(dialog.region.id, { name: name.trim() });
  };
  const title =
    dialog?.kind === 'county'
      ? t('organization.regions.addCounty')
      : dialog?.kind === 'town'
        ? t('organization.regions.townOf', { county: dialog.county.name })
        : t('organization.actions.rename');
  const label =
    dialog?.kind === 'town' ? t('organization.regions.townName') : t('organization.regions.countyName');

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'county' })}>
          {t('organization.regions.addCounty')}
        </Button>
        {city && <Typography.Text type="secondary">{city.name}</Typography.Text>}
      </Space>
      <Table<Row>
        aria-label={t('organization.regions.list')}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('organization.regions.empty') }}
        expandable={{
          expandedRowKeys: rows.filter((r) => r.children && !collapsed.has(r.id)).map((r) => r.id),
          onExpand: (expanded, row) =>
            setCollapsed((was) => {
              const next = new Set(was);
              if (expanded) next.delete(row.id);
              else next.add(row.id);
              return next;
            }),
        }}
        columns={[
          {
            key: 'name',
            title: t('organization.regions.name'),
            render: (_, r) => <EntryName name={r.name} retired={r.retired} />,
          },
          {
            key: 'level',
            title: t('organization.regions.level'),
            width: 100,
            render: (_, r) => t(`organization.regions.levels.${r.level}`),
          },
          {
            key: 'actions',
            title: t('organization.actions.actions'),
            width: 280,
            render: (_, r) => (
              <Space size={0} wrap>
                {r.level === 'county' && r.retired !== true && (
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'town', county: r })}>
                    {t('organization.regions.addTown')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setDialog({ kind: 'rename', region: r })}>
                  {t('organization.actions.rename')}
                </Button>
                <RetireButton
                  retired={r.retired}
                  onChange={(retired) => actions.updateRegion(r.id, { retired })}
                />
              </Space>
            ),
          },
        ]}
      />
      <FormDialog<{ name: string }>
        name="region"
        open={dialog !== null}
        title={title}
        initialValues={{ name: dialog?.kind === 'rename' ? dialog.region.name : '' }}
        onClose={() => setDialog(null)}
        onSubmit={submit}
      >
        <Form.Item
          name="name"
          label={label}
          rules={[{ required: true, whitespace: true, message: t('organization.team.required') }]}
        >
          <Input autoFocus maxLength={100} />
        </Form.Item>
      </FormDialog>
    </Space>
  );
}

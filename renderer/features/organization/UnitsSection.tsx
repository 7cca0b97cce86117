// Responsible units (责任单位) and their departments (科室): add, rename, retire, restore.
import { Button, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../shared/domain/organization';
import { organizationActions, useDatabase, useOrganization } from '../../db';
import { PlusOutlined } from '../../ui/icons';
import { EntryName } from './RetiredTag';
import { RetireButton } from './RetireButton';
import { UnitDialog, type UnitValues } from './UnitDialog';

type Dialog = { kind: 'unit' } | { kind: 'department'; unit: Unit } | { kind: 'edit'; unit: Unit } | null;

interface Row extends Unit {
  children?: Row[];
}

const fieldsOf = (v: UnitValues) => ({
  name: v.name.trim(),
  shortName: v.shortName.trim(),
  kind: v.kind,
  regionId: v.regionId === '' ? null : v.regionId,
});

export function UnitsSection() {
  const { t } = useTranslation();
  const actions = organizationActions(useDatabase());
  const org = useOrganization();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!org) return null;

  const units = org.all.units;
  const rows: Row[] = units
    .filter((u) => !u.parentId)
    .map((unit) => {
      const departments = units.filter((d) => d.parentId === unit.id);
      return departments.length > 0 ? { ...unit, children: departments } : unit;
    });

  const submit = async (values: UnitValues) => {
    const v = fieldsOf(values);
    if (dialog?.kind === 'unit') await actions.addUnit({ ...v, parentId: null });
    else if (dialog?.kind === 'department') await actions.addUnit({ ...v, parentId: dialog.unit.id });
    else if (dialog?.kind === 'edit') await actions.updateUnit(dialog.unit.id, v);
  };
  const title =
    dialog?.kind === 'unit'
      ? t('organization.units.addUnit')
      : dialog?.kind === 'department'
        ? t('organization.units.departmentOf', { unit: dialog.unit.shortName })
        : t('organization.actions.rename');
  const initialValues: Partial<UnitValues> =
    dialog?.kind === 'edit'
      ? { ...dialog.unit, regionId: dialog.unit.regionId ?? '' }
      : dialog?.kind === 'department'
        ? { kind: dialog.unit.kind, regionId: dialog.unit.regionId ?? '' }
        : { kind: 'other', regionId: '' };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'unit' })}>
        {t('organization.units.addUnit')}
      </Button>
      <Table<Row>
        aria-label={t('organization.units.list')}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('organization.units.empty') }}
        expandable={{
          expandedRowKeys: rows.filter((r) => r.children).map((r) => r.id),
          showExpandColumn: false,
        }}
        columns={[
          {
            key: 'name',
            title: t('organization.units.name'),
            render: (_, u) => <EntryName name={u.name} retired={u.retired} />,
          },
          { key: 'shortName', title: t('organization.units.shortName'), dataIndex: 'shortName', width: 140 },
          {
            key: 'kind',
            title: t('organization.units.kind'),
            width: 150,
            render: (_, u) => t(`organization.units.kinds.${u.kind}`),
          },
          {
            key: 'county',
            title: t('organization.units.county'),
            width: 120,
            render: (_, u) => (u.regionId ? (org.regionNames.get(u.regionId) ?? '') : ''),
          },
          {
            key: 'actions',
            title: t('organization.actions.actions'),
            width: 260,
            render: (_, u) => (
              <Space size={0} wrap>
                {!u.parentId && u.retired !== true && (
                  <Button size="small" type="link" onClick={() => setDialog({ kind: 'department', unit: u })}>
                    {t('organization.units.addDepartment')}
                  </Button>
                )}
                <Button size="small" type="link" onClick={() => setDialog({ kind: 'edit', unit: u })}>
                  {t('organization.actions.rename')}
                </Button>
                <RetireButton
                  retired={u.retired}
                  onChange={(retired) => actions.updateUnit(u.id, { retired })}
                />
              </Space>
            ),
          },
        ]}
      />
      <UnitDialog
        open={dialog !== null}
        title={title}
        initialValues={initialValues}
        onClose={() => setDialog(null)}
        onSubmit={submit}
      />
    </Space>
  );
}

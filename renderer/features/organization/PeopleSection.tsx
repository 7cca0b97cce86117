// People (人员): the team's inspectors and the units' contacts. Add, edit, retire, restore.
import { Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../shared/domain/organization';
import { organizationActions, useDatabase, useOrganization, useWorkingContext } from '../../db';
import { PlusOutlined } from '../../ui/icons';
import { PersonDialog, type PersonValues } from './PersonDialog';
import { EntryName } from './RetiredTag';
import { RetireButton } from './RetireButton';

type Dialog = { kind: 'add' } | { kind: 'edit'; person: Person } | null;

export function PeopleSection() {
  const { t } = useTranslation();
  const actions = organizationActions(useDatabase());
  const org = useOrganization();
  const working = useWorkingContext();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (!org || !working) return null;
  const teamId = working.team?.id ?? null;

  const submit = async (v: PersonValues) => {
    const fields = {
      name: v.name.trim(),
      title: v.title.trim(),
      phone: v.phone.trim(),
      unitId: v.unitId === '' ? null : v.unitId,
      // Unticking keeps a person of another team theirs; ticking makes them this laptop's team's.
      teamId: v.teamMember
        ? teamId
        : dialog?.kind === 'edit' && dialog.person.teamId !== teamId
          ? (dialog.person.teamId ?? null)
          : null,
    };
    if (dialog?.kind === 'add') await actions.addPerson(fields);
    else if (dialog?.kind === 'edit') await actions.updatePerson(dialog.person.id, fields);
  };
  const isMember = (p: Person) =>
    teamId !== null && (p.teamId === teamId || (working.team?.memberIds.includes(p.id) ?? false));
  const initialValues: Partial<PersonValues> =
    dialog?.kind === 'edit'
      ? {
          name: dialog.person.name,
          title: dialog.person.title,
          phone: dialog.person.phone,
          unitId: dialog.person.unitId ?? '',
          teamMember: isMember(dialog.person),
        }
      : { name: '', title: '', phone: '', unitId: '', teamMember: teamId !== null };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
        {t('organization.people.addPerson')}
      </Button>
      <Table<Person>
        aria-label={t('organization.people.list')}
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={org.all.people}
        locale={{ emptyText: t('organization.people.empty') }}
        columns={[
          {
            key: 'name',
            title: t('organization.people.name'),
            render: (_, p) => (
              <>
                <EntryName name={p.name} retired={p.retired} />
                {isMember(p) && (
                  <Tag color="red" style={{ marginInlineStart: 8 }}>
                    {t('organization.people.member')}
                  </Tag>
                )}
              </>
            ),
          },
          { key: 'title', title: t('organization.people.title'), dataIndex: 'title' },
          { key: 'phone', title: t('organization.people.phone'), dataIndex: 'phone', width: 140 },
          {
            key: 'unit',
            title: t('organization.people.unit'),
            width: 140,
            render: (_, p) => (p.unitId ? (org.unitNames.get(p.unitId) ?? '') : ''),
          },
          {
            key: 'actions',
            title: t('organization.actions.actions'),
            width: 160,
            render: (_, p) => (
              <Space size={0}>
                <Button size="small" type="link" onClick={() => setDialog({ kind: 'edit', person: p })}>
                  {t('organization.actions.edit')}
                </Button>
                <RetireButton
                  retired={p.retired}
                  onChange={(retired) => actions.updatePerson(p.id, { retired })}
                />
              </Space>
            ),
          },
        ]}
      />
      <PersonDialog
        open={dialog !== null}
        title={
          dialog?.kind === 'edit' ? t('organization.people.editPerson') : t('organization.people.addPerson')
        }
        initialValues={initialValues}
        onClose={() => setDialog(null)}
        onSubmit={submit}
      />
    </Space>
  );
}

// The fields of a person: name, post, phone, unit, and whether they are one of the team's own people.
import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useOrganization } from '../../db';
import { FormDialog } from './FormDialog';

export interface PersonValues {
  name: string;
  title: string;
  phone: string;
  /** '' for none (antd's Select cannot offer null). */
  unitId: string;
  teamMember: boolean;
}

interface Props {
  open: boolean;
  title: string;
  initialValues: Partial<PersonValues>;
  onClose: () => void;
  onSubmit: (values: PersonValues) => Promise<unknown>;
}

export function PersonDialog({ open, title, initialValues, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const org = useOrganization();
  return (
    <FormDialog<PersonValues>
      name="person"
      open={open}
      title={title}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <Form.Item
        name="name"
        label={t('organization.people.name')}
        rules={[{ required: true, whitespace: true, message: t('organization.team.required') }]}
      >
        <Input autoFocus maxLength={50} />
      </Form.Item>
      <Form.Item name="title" label={t('organization.people.title')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="phone" label={t('organization.people.phone')}>
        <Input maxLength={30} inputMode="tel" />
      </Form.Item>
      <Form.Item name="unitId" label={t('organization.people.unit')}>
        <Select
          aria-label={t('organization.people.unit')}
          showSearch={{ optionFilterProp: 'label' }}
          options={[
            { value: '', label: '—' },
            ...(org?.units ?? []).map((u) => ({ value: u.id, label: u.shortName })),
          ]}
        />
      </Form.Item>
      <Form.Item name="teamMember" valuePropName="checked">
        <Checkbox>{t('organization.people.teamMember')}</Checkbox>
      </Form.Item>
    </FormDialog>
  );
}

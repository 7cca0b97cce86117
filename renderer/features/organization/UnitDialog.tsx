// The fields of a responsible unit or one of its departments (科室): full name for notices, short name
// for lists, its kind and county.
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type Unit } from '../../../shared/domain/organization';
import { useOrganization } from '../../db';
import { FormDialog } from './FormDialog';

export interface UnitValues {
  name: string;
  shortName: string;
  kind: Unit['kind'];
  /** '' for a city-level unit (antd's Select cannot offer null). */
  regionId: string;
}

interface Props {
  open: boolean;
  title: string;
  initialValues: Partial<UnitValues>;
  onClose: () => void;
  onSubmit: (values: UnitValues) => Promise<unknown>;
}

export function UnitDialog({ open, title, initialValues, onClose, onSubmit }: Props) {
  const { t } = useTranslation();
  const org = useOrganization();
  const required = [{ required: true, whitespace: true, message: t('organization.team.required') }];
  const counties = (org?.regions ?? []).filter((r) => r.level === 'county');
  return (
    <FormDialog<UnitValues>
      name="unit"
      open={open}
      title={title}
      initialValues={initialValues}
      onClose={onClose}
      onSubmit={onSubmit}
    >
      <Form.Item name="name" label={t('organization.units.name')} rules={required}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      <Form.Item
        name="shortName"
        label={t('organization.units.shortName')}
        extra={t('organization.units.shortNameHelp')}
        rules={required}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="kind" label={t('organization.units.kind')} rules={[{ required: true }]}>
        <Select
          aria-label={t('organization.units.kind')}
          // A short list: all of it on the page, not only the part around the chosen kind.
          virtual={false}
          options={UNIT_KINDS.map((k) => ({ value: k, label: t(`organization.units.kinds.${k}`) }))}
        />
      </Form.Item>
      <Form.Item name="regionId" label={t('organization.units.county')}>
        <Select
          aria-label={t('organization.units.county')}
          virtual={false}
          options={[
            { value: '', label: t('organization.units.countyNone') },
            ...counties.map((r) => ({ value: r.id, label: r.name })),
          ]}
        />
      </Form.Item>
    </FormDialog>
  );
}

// The fields of a new issue, shared by a visit's "Record finding" and the list's "New issue", so a
// problem is described the same way wherever it is entered.
import { Checkbox, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ISSUE_CATEGORIES, SEVERITIES } from '../../../shared/domain/issue';
import type { Organization } from '../../db';
import { DateInput } from '../../ui/DateInput';

export function IssueFormFields({ organization }: { organization: Organization | undefined }) {
  const { t } = useTranslation();
  const required = { required: true, message: t('projects.required') };
  return (
    <>
      <Form.Item name="title" label={t('visits.finding.title')} rules={[{ ...required, whitespace: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="description" label={t('visits.finding.description')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="category" label={t('visits.finding.category')}>
        <Select options={ISSUE_CATEGORIES.map((c) => ({ value: c, label: t(`issueCategory.${c}`) }))} />
      </Form.Item>
      <Form.Item name="severity" label={t('visits.finding.severity')}>
        <Select options={SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))} />
      </Form.Item>
      <Form.Item
        name="responsibleUnitIds"
        label={t('visits.finding.units')}
        rules={[{ ...required, type: 'array', min: 1 }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={(organization?.units ?? []).map((u) => ({ value: u.id, label: u.shortName }))}
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('visits.finding.deadline')} rules={[required]}>
        <DateInput />
      </Form.Item>
      <Form.Item name="needsCoordination" valuePropName="checked">
        <Checkbox>{t('visits.finding.needsCoordination')}</Checkbox>
      </Form.Item>
    </>
  );
}

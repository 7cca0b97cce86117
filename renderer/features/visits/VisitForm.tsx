// The visit's own fields: when, who, where, what was seen.
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_TYPES, type Visit } from '../../../shared/domain/visit';
import { type Organization, useDatabase, visitActions } from '../../db';
import { fromVisitForm, toVisitForm, type VisitFormValues } from './visit-form-model';

export function VisitForm({ visit, organization }: { visit: Visit; organization: Organization | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = visitActions(useDatabase());
  const [form] = Form.useForm<VisitFormValues>();
  const [initial] = useState(() => toVisitForm(visit));
  const [saving, setSaving] = useState(false);
  const locked = visit.status === 'finalized';

  const save = async (values: VisitFormValues) => {
    const result = fromVisitForm({ ...initial, ...values }, visit);
    if (!result.ok) {
      form.setFields([{ name: result.field, errors: [t(`visits.invalid.${result.field}`)] }]);
      return;
    }
    setSaving(true);
    try {
      await actions.update(visit.id, result.changes);
      void message.success(t('visits.saved'));
    } catch (error) {
      void message.error(
        t('visits.saveFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      title={t('visits.sections.record')}
      extra={
        !locked && (
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {t('visits.saveDraft')}
          </Button>
        )
      }
    >
      <Form<VisitFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={locked}
        onFinish={(v) => void save(v)}
      >
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Form.Item name="type" label={t('visits.fields.type')}>
              <Select options={VISIT_TYPES.map((v) => ({ value: v, label: t(`visitType.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name="date"
              label={t('visits.fields.date')}
              rules={[{ required: true, message: t('projects.required') }]}
            >
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="startTime" label={t('visits.fields.startTime')}>
              <Input type="time" />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="weather" label={t('visits.fields.weather')}>
              <Input maxLength={50} placeholder="晴" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="memberIds" label={t('visits.fields.members')}>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={(organization?.people ?? []).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lat" label={t('visits.fields.lat')}>
              <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="lng" label={t('visits.fields.lng')}>
              <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="percentComplete" label={t('visits.fields.percentComplete')}>
              <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="reportedInvestment" label={t('visits.fields.reportedInvestment')}>
              <Input inputMode="decimal" suffix="万元" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="workersOnSite" label={t('visits.fields.workers')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="machinesOnSite" label={t('visits.fields.machines')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="progressNarrative" label={t('visits.fields.narrative')}>
              <Input.TextArea rows={4} maxLength={5000} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}

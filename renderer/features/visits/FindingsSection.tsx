// Problems found on this visit, each recorded as an issue (待下发) without leaving the visit.
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Form, Input, Modal, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays } from '../../../shared/domain/dates';
import { ISSUE_CATEGORIES, type Issue, SEVERITIES } from '../../../shared/domain/issue';
import type { Project } from '../../../shared/domain/project';
import type { Visit } from '../../../shared/domain/visit';
import { type FindingInput, type Organization, useDatabase, useVisitIssues, visitActions } from '../../db';
import { useSession } from '../../stores/session';

export function FindingsSection({
  visit,
  project,
  organization,
}: {
  visit: Visit;
  project: Project;
  organization: Organization | undefined;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issues = useVisitIssues(visit.id);
  const actions = visitActions(useDatabase());
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FindingInput>();
  const actor = useSession((s) => s.appInfo?.name) ?? 'Ducha';
  const locked = visit.status === 'finalized';

  const submit = async (values: FindingInput) => {
    try {
      await actions.recordFinding(
        visit,
        project,
        {
          ...values,
          description: values.description ?? '',
          needsCoordination: values.needsCoordination ?? false,
        },
        actor,
      );
      form.resetFields();
      setOpen(false);
      void message.success(t('visits.findingRecorded'));
    } catch (error) {
      void message.error(
        t('visits.saveFailed', { reason: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  return (
    <Card
      title={t('visits.sections.findings')}
      extra={
        !locked && (
          <Button icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('visits.recordFinding')}
          </Button>
        )
      }
    >
      <Table<Issue>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={issues}
        locale={{ emptyText: t('visits.noFindings') }}
        columns={[
          {
            title: t('visits.finding.title'),
            dataIndex: 'title',
            render: (title: string, issue) => <Link to={`/issues/${issue.id}`}>{title}</Link>,
          },
          {
            title: t('issue.fields.status'),
            dataIndex: 'status',
            width: 110,
            render: (status: Issue['status']) => t(`issue.status.${status}`),
          },
          {
            title: t('visits.finding.category'),
            dataIndex: 'category',
            width: 130,
            render: (c: Issue['category']) => t(`issueCategory.${c}`),
          },
          {
            title: t('visits.finding.severity'),
            dataIndex: 'severity',
            width: 90,
            render: (s: Issue['severity']) => (
              <Tag color={s === 'grave' ? 'red' : s === 'serious' ? 'orange' : 'default'}>
                {t(`severity.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('visits.finding.units'),
            dataIndex: 'responsibleUnitIds',
            render: (ids: string[]) => ids.map((id) => organization?.unitNames.get(id) ?? id).join('、'),
          },
          { title: t('visits.finding.deadline'), dataIndex: 'deadline', width: 120 },
        ]}
      />
      <Modal
        open={open}
        title={t('visits.recordFinding')}
        okText={t('visits.finding.save')}
        cancelText={t('projects.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form<FindingInput>
          form={form}
          layout="vertical"
          initialValues={{
            category: 'other',
            severity: 'general',
            responsibleUnitIds: project.responsibleUnitIds.slice(0, 1),
            deadline: addDays(visit.date, 15),
            needsCoordination: false,
            description: '',
          }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            name="title"
            label={t('visits.finding.title')}
            rules={[{ required: true, whitespace: true, message: t('projects.required') }]}
          >
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
            rules={[{ required: true, type: 'array', min: 1, message: t('projects.required') }]}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              options={(organization?.units ?? []).map((u) => ({ value: u.id, label: u.shortName }))}
            />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('visits.finding.deadline')}
            rules={[{ required: true, message: t('projects.required') }]}
          >
            <Input type="date" />
          </Form.Item>
          <Form.Item name="needsCoordination" valuePropName="checked">
            <Checkbox>{t('visits.finding.needsCoordination')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

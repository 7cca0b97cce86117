// Problems found on this visit, each recorded as an issue (待下发) without leaving the visit.
import { PlusOutlined } from '../../ui/icons';
import { Alert, App, Button, Card, Form, Modal, Table, Tag } from 'antd';
import { type Ref, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { addDays } from '../../../shared/domain/dates';
import type { ChecklistItemRef, Issue } from '../../../shared/domain/issue';
import type { Project } from '../../../shared/domain/project';
import type { Visit } from '../../../shared/domain/visit';
import {
  type FindingInput,
  type Organization,
  useDatabase,
  useDraft,
  useVisitIssues,
  visitActions,
} from '../../db';
import { DraftAlert } from '../../ui/DraftAlert';
import { ActorField, useActorName } from '../../ui/ActorField';
import { IssueFormFields } from '../issues';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { FindingPhotosField } from './FindingPhotosField';

/** What the checklists can ask of this section: a finding from an item answered 否. */
export interface FindingsHandle {
  recordFrom: (item: ChecklistItemRef) => void;
}

export function FindingsSection({
  visit,
  project,
  organization,
  ref,
}: {
  visit: Visit;
  project: Project;
  organization: Organization | undefined;
  ref?: Ref<FindingsHandle>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const issues = useVisitIssues(visit.id);
  const actions = visitActions(useDatabase());
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FindingInput>();
  // Who found it: the person working on this laptop (else the visit's first inspector) unless another
  // name is typed; never the app's name.
  const chosenActor =
    useActorName() || (visit.memberIds.map((id) => organization?.personNames.get(id)).find(Boolean) ?? '');
  const [typedActor, setActor] = useState<string | null>(null);
  const actor = typedActor ?? chosenActor;
  const locked = visit.status === 'finalized';
  const defaults: Partial<FindingInput> = {
    category: 'other',
    severity: 'general',
    responsibleUnitIds: project.responsibleUnitIds.slice(0, 1),
    deadline: addDays(visit.date, 15),
    needsCoordination: false,
    description: '',
    photoIds: [],
    checklistItem: null,
  };
  // A finding being typed is kept as a draft of this visit until it is recorded; closing the dialog
  // keeps it too (the dialog's fields stay as they were until it is opened again).
  const draft = useDraft<Partial<FindingInput>, null>('finding', visit.id, null, defaults);
  const restoreDraft = () => {
    const taken = draft.restore();
    if (!taken) return;
    form.setFieldsValue(taken.values);
    setOpen(true);
  };

  // The item's words start the finding; the inspector may shorten the title.
  useImperativeHandle(ref, () => ({
    recordFrom: (item) => {
      form.setFieldsValue({ title: item.text.slice(0, 200), description: item.text, checklistItem: item });
      setOpen(true);
    },
  }));
  const fromItem = Form.useWatch('checklistItem', form);

  const submit = async (values: FindingInput) => {
    if (actor.trim() === '') return void message.error(t('issue.refusal.actorRequired'));
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
      await draft.saved(null, defaults);
      setOpen(false);
      void message.success(t('visits.findingRecorded'));
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'visits.saveFailed')));
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
      {!locked && (
        <DraftAlert
          offer={draft.offer}
          problem={draft.problem}
          text={(at) => t('drafts.findingOffer', { at })}
          onRestore={restoreDraft}
          onDiscard={() => void draft.discard()}
        />
      )}
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
            render: (ids: string[]) =>
              ids.map((id) => organization?.unitNames.get(id) ?? t('shell.unknownName')).join('、'),
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
        forceRender
      >
        <Form<FindingInput>
          form={form}
          layout="vertical"
          initialValues={defaults}
          onFinish={(v) => void submit(v)}
          onValuesChange={() => {
            if (!locked) draft.keep(form.getFieldsValue(true) as Partial<FindingInput>);
          }}
        >
          {fromItem && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="finding-from-item"
              title={t('evidence.fromItem', { text: fromItem.text })}
            />
          )}
          <Form.Item name="checklistItem" hidden noStyle />
          <IssueFormFields organization={organization} />
          <ActorField id="finding-actor" value={actor} onChange={setActor} />
          <Form.Item name="photoIds">
            <FindingPhotosField visit={visit} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

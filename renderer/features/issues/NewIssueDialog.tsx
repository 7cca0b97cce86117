// "New issue": a problem learned of outside a visit (a report, a letter, the joint meeting) entered on
// the list. It is recorded as a draft (待下发) with its first history entry, and its page opens.
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { addDays } from '../../../shared/domain/dates';
import { type FindingInput, issueActions, type Organization, useDatabase, useProjects } from '../../db';
import { today } from '../../stores/clock';
import { IssueFormFields } from './IssueFormFields';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { useActorName } from '../../ui/ActorField';

interface NewIssueValues extends FindingInput {
  projectId: string;
  actorName: string;
}

/** The deadline offered for a new issue: offices usually give 15 days. */
const DEFAULT_DAYS = 15;

export function NewIssueDialog(props: {
  open: boolean;
  organization: Organization | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const projects = useProjects();
  const actions = issueActions(useDatabase());
  const [form] = Form.useForm<NewIssueValues>();
  // Who records it: the person working on this laptop, still editable.
  const defaultActor = useActorName();

  const submit = async ({ projectId, actorName, ...values }: NewIssueValues) => {
    const project = projects?.find((p) => p.id === projectId);
    if (!project) return;
    try {
      const issue = await actions.create(
        project,
        {
          ...values,
          description: values.description ?? '',
          responsiblePerson: values.responsiblePerson ?? '',
          needsCoordination: values.needsCoordination ?? false,
        },
        actorName.trim(),
      );
      void message.success(t('issue.create.created'));
      props.onClose();
      void navigate(`/issues/${issue.id}`);
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'issue.dialog.failed')));
    }
  };

  const required = { required: true, message: t('projects.required') };
  return (
    <Modal
      open={props.open}
      title={t('issue.create.title')}
      okText={t('issue.dialog.confirm')}
      cancelText={t('issue.dialog.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Form<NewIssueValues>
        form={form}
        layout="vertical"
        initialValues={{
          category: 'other',
          severity: 'general',
          responsibleUnitIds: [],
          deadline: addDays(today(), DEFAULT_DAYS),
          needsCoordination: false,
          description: '',
          actorName: defaultActor,
        }}
        onValuesChange={(changed: Partial<NewIssueValues>) => {
          // A project's responsible units are the likely ones for its problem.
          const project = changed.projectId && projects?.find((p) => p.id === changed.projectId);
          if (project && (form.getFieldValue('responsibleUnitIds') as string[] | undefined)?.length === 0)
            form.setFieldValue('responsibleUnitIds', project.responsibleUnitIds.slice(0, 1));
        }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="projectId" label={t('issue.create.project')} rules={[required]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(projects ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <IssueFormFields organization={props.organization} />
        <Form.Item name="responsiblePerson" label={t('issue.create.person')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="actorName"
          label={t('issue.create.actor')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input maxLength={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

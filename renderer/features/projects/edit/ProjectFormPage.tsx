// Create or edit a project. Nothing is saved until the whole record is valid.
import { DeleteOutlined, PlusOutlined } from '../../../ui/icons';
import { App, Button, Card, Col, Form, Input, Row, Select, Space, Spin, Typography } from 'antd';
import { InputNumber } from '../../../ui/InputNumber';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { uuidv7 } from '../../../../shared/ids/uuidv7';
import {
  FUNDING_SOURCES,
  MILESTONE_KINDS,
  PROJECT_CATEGORIES,
  PROJECT_PHASES,
} from '../../../../shared/domain/project';
import { localDate } from '../../../../shared/domain/dates';
import { parseWan } from '../../../../shared/domain/money';
import {
  type FieldConflict,
  projectActions,
  type Resolution,
  useDatabase,
  useDraft,
  useOrganization,
  useProject,
} from '../../../db';
import { ConflictDialog } from '../../../ui/ConflictDialog';
import { DraftAlert } from '../../../ui/DraftAlert';
import { projectConflictText } from './project-conflict-text';
import type { Project } from '../../../../shared/domain/project';
import {
  baseOf,
  domainOf,
  emptyFormValues,
  fromFormValues,
  MONEY_FIELDS,
  type ProjectFormValues,
  toFormValues,
} from './project-form-model';
import { errorContent } from '../../../ui/ErrorDetails';
import { describeFailure } from '../../../ui/user-error';
import { DateInput } from '../../../ui/DateInput';
import { labelOrName } from '../../../ui/select-label';

export function ProjectFormPage() {
  const { id } = useParams();
  const existing = useProject(id ?? '');
  if (id && existing === undefined) return <Spin />;
  if (id && existing === null) return <ProjectMissing />;
  return <ProjectForm key={id ?? 'new'} project={existing ?? null} />;
}

function ProjectMissing() {
  const { t } = useTranslation();
  return <Typography.Paragraph>{t('projects.notFound')}</Typography.Paragraph>;
}

function ProjectForm({ project }: { project: Project | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const actions = projectActions(useDatabase());
  const organization = useOrganization();
  const [form] = Form.useForm<ProjectFormValues>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ReactNode>(null);
  // Taken once: a change arriving by sync while the form is open must not wipe what is being typed.
  const [initial] = useState(() =>
    project ? toFormValues(project) : emptyFormValues(Number(localDate(Date.now()).slice(0, 4))),
  );
  // What is typed is kept as a local draft until saved. The base is the project as the form shows it
  // in domain terms, so a save (also from a restored draft) writes only the fields changed here.
  const [startBase] = useState(() => (project ? baseOf(initial, project) : null));
  const draft = useDraft<ProjectFormValues, Partial<Project> | null>(
    'project',
    project?.id ?? 'new',
    startBase,
    initial,
  );
  const [conflicts, setConflicts] = useState<{ rows: FieldConflict[]; values: ProjectFormValues } | null>(
    null,
  );
  const restoreDraft = () => {
    const taken = draft.restore();
    if (taken) form.setFieldsValue(taken.values);
    void message.info(t('drafts.restored'));
  };

  const submit = async (values: ProjectFormValues, resolutions?: Readonly<Record<string, Resolution>>) => {
    const now = new Date().toISOString();
    const base = project ?? { id: uuidv7(), createdAt: now, updatedAt: now };
    const result = fromFormValues(
      { ...initial, ...values, milestones: { ...initial.milestones, ...values.milestones } },
      base,
    );
    if (!result.ok) {
      form.setFields(
        result.problems.map((p) => ({
          // The model speaks in plain paths; antd types them as tuples of the values' keys.
          name: p.name as never,
          errors: [
            p.problem === 'invalid' ? (p.detail ?? t('projects.invalid')) : t(`projects.${p.problem}`),
          ],
        })),
      );
      void message.error(t('projects.invalid'));
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      if (project) {
        // Only the fields changed here; one changed elsewhere meanwhile is asked about, never overwritten.
        const outcome = await actions.saveEdits(project.id, {
          base: draft.base ?? {},
          edited: domainOf(result.project),
          resolutions,
        });
        if (!outcome.ok) {
          setConflicts({ rows: outcome.conflicts, values });
          setSaving(false);
          return;
        }
      } else await actions.create(result.project);
      setConflicts(null);
      await draft.saved(null);
      void message.success(project ? t('projects.saved') : t('projects.created'));
      void navigate(`/projects/${result.project.id}`);
    } catch (error) {
      setSaveError(errorContent(describeFailure(error, t, 'projects.saveFailed')));
      setSaving(false);
    }
  };

  const regionOptions = (organization?.regions ?? [])
    .filter((r) => r.level !== 'city')
    .map((r) => ({ value: r.id, label: organization?.regionNames.get(r.id) ?? r.name }));
  // The same parser that saves the amount decides whether it is one.
  const moneyRule = {
    validator: (_: unknown, value: string | undefined) =>
      value === undefined || value.trim() === '' || parseWan(value) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('projects.notAnAmount'))),
  };

  return (
    <Form<ProjectFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      onValuesChange={() => draft.keep(form.getFieldsValue(true) as ProjectFormValues)}
      onFinish={(v) => void submit(v)}
      onFinishFailed={() => void message.error(t('projects.invalid'))}
      scrollToFirstError
      style={{ maxWidth: 1100 }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Title level={3}>{project ? project.name : t('projects.new')}</Typography.Title>
        <Space>
          <Button onClick={() => void navigate(project ? `/projects/${project.id}` : '/projects')}>
            {t('projects.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('projects.save')}
          </Button>
        </Space>
      </Space>
      <DraftAlert
        offer={draft.offer}
        problem={draft.problem}
        onRestore={restoreDraft}
        onDiscard={() => void draft.discard()}
      />
      <ConflictDialog
        conflicts={conflicts?.rows ?? null}
        {...projectConflictText(t, organization)}
        saving={saving}
        onSave={(choices) => conflicts && void submit(conflicts.values, choices)}
        onCancel={() => setConflicts(null)}
      />
      {saveError && (
        <Typography.Paragraph type="danger" role="alert">
          {saveError}
        </Typography.Paragraph>
      )}

      <Card title={t('projects.sections.basics')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="name"
              label={t('projects.fields.name')}
              rules={[{ required: true, whitespace: true, message: t('projects.required') }]}
            >
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="category" label={t('projects.fields.category')}>
              <Select options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="regionId"
              label={t('projects.fields.region')}
              rules={[{ required: true, message: t('projects.required') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={regionOptions}
                labelRender={labelOrName(organization?.regionNames, t('shell.unknownName'))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="phase" label={t('projects.fields.phase')}>
              <Select options={PROJECT_PHASES.map((p) => ({ value: p, label: t(`phase.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="owner" label={t('projects.fields.owner')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="responsibleUnitIds" label={t('projects.fields.responsibleUnits')}>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                options={(organization?.units ?? []).map((u) => ({ value: u.id, label: u.shortName }))}
                labelRender={labelOrName(organization?.unitNames, t('shell.unknownName'))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="leaderId" label={t('projects.fields.leader')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(organization?.people ?? []).map((p) => ({ value: p.id, label: p.name }))}
                labelRender={labelOrName(organization?.personNames, t('shell.unknownName'))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('projects.sections.investment')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={4}>
            <Form.Item name="planYear" label={t('projects.fields.planYear')}>
              <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {MONEY_FIELDS.map((field) => (
            <Col xs={24} md={5} key={field}>
              <Form.Item
                name={field}
                label={t(`projects.fields.${field}`)}
                rules={[moneyRule]}
                tooltip={t('projects.amountHint')}
              >
                <Input inputMode="decimal" suffix={t('shell.wan')} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Card>

      <Card title={t('projects.sections.scale')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {(['areaM2', 'completedAreaM2', 'households', 'landMu', 'capacityValue'] as const).map((field) => (
            <Col xs={12} md={4} key={field}>
              <Form.Item name={field} label={t(`projects.fields.${field}`)}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={4}>
            <Form.Item name="capacityUnit" label={t('projects.fields.capacityUnit')}>
              <Input maxLength={20} placeholder="吨/日" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="scaleDescription" label={t('projects.fields.scaleDescription')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('projects.sections.funding')} style={{ marginBottom: 16 }}>
        <Form.List name="funding">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Row gutter={16} key={field.key} align="bottom">
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'source']} label={t('projects.fields.fundingSource')}>
                      <Select
                        options={FUNDING_SOURCES.map((s) => ({ value: s, label: t(`funding.${s}`) }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'committed']}
                      label={t('projects.fields.committed')}
                      rules={[moneyRule]}
                    >
                      <Input inputMode="decimal" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'arrived']}
                      label={t('projects.fields.arrived')}
                      rules={[moneyRule]}
                    >
                      <Input inputMode="decimal" />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                        {t('projects.fields.remove')}
                      </Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ source: 'centralSubsidy', committed: '0', arrived: '0' })}
              >
                {t('projects.fields.addFunding')}
              </Button>
            </>
          )}
        </Form.List>
      </Card>

      <Card title={t('projects.sections.milestones')} style={{ marginBottom: 16 }}>
        {MILESTONE_KINDS.map((kind) => (
          <Row gutter={16} key={kind} align="middle">
            <Col xs={24} md={6}>
              <Typography.Text>{t(`milestone.${kind}`)}</Typography.Text>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['milestones', kind, 'planned']}
                label={t('projects.fields.planned')}
                style={{ marginBottom: 8 }}
              >
                <DateInput aria-label={`${t(`milestone.${kind}`)} ${t('projects.fields.planned')}`} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['milestones', kind, 'actual']}
                label={t('projects.fields.actual')}
                style={{ marginBottom: 8 }}
              >
                <DateInput aria-label={`${t(`milestone.${kind}`)} ${t('projects.fields.actual')}`} />
              </Form.Item>
            </Col>
          </Row>
        ))}
      </Card>

      <Card title={t('projects.sections.notes')}>
        <Form.Item name="notes">
          <Input.TextArea rows={4} maxLength={5000} aria-label={t('projects.fields.notes')} />
        </Form.Item>
      </Card>
    </Form>
  );
}

// The visit's own fields: when, who, where, what was seen. A draft is saved as it is edited; a
// finalized visit is read-only until someone amends it, giving a reason, and the amendment goes
// into its hash-chained history.
import { EnvironmentOutlined } from '../../ui/icons';
import { Alert, App, Button, Card, Col, Form, Input, Row, Select, Space, Tag } from 'antd';
import { InputNumber } from '../../ui/InputNumber';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VISIT_TYPES, type Visit } from '../../../shared/domain/visit';
import {
  NothingToAmendError,
  type Organization,
  useDatabase,
  type FieldConflict,
  type Resolution,
  useDraft,
  usePhotos,
  visitActions,
} from '../../db';
import { ConflictDialog } from '../../ui/ConflictDialog';
import { visitConflictText } from './visit-conflict-text';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { DraftAlert } from '../../ui/DraftAlert';
import {
  domainValues,
  fromVisitForm,
  roundCoordinate,
  toVisitForm,
  type VisitFormValues,
} from './visit-form-model';
import { DateInput, TimeInput } from '../../ui/DateInput';

export function VisitForm({ visit, organization }: { visit: Visit; organization: Organization | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const db = useDatabase();
  const actions = visitActions(db);
  const [form] = Form.useForm<VisitFormValues>();
  const [initial] = useState(() => toVisitForm(visit));
  const [saving, setSaving] = useState(false);
  const [amending, setAmending] = useState(false);
  const [reason, setReason] = useState('');
  const [amendedBy, setAmendedBy] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  const photos = usePhotos({ visitId: visit.id });
  const locationSource = Form.useWatch('locationSource', form) ?? initial.locationSource;
  const locked = visit.status === 'finalized';
  const editable = !locked || amending;
  // A draft visit's typing is kept as a local draft until it is saved. A finalized visit's amendment
  // is not: it is asked about on leaving instead (its reason is typed anew each time).
  const draft = useDraft<VisitFormValues, Partial<Visit>>('visit', visit.id, domainValues(initial), initial);
  // An amendment being typed is kept too, as a draft of its own: the corrected fields, the reason, who.
  const amendDraft = useDraft<AmendmentDraft, Partial<Visit>>('amendment', visit.id, domainValues(initial), {
    values: initial,
    reason: '',
    amendedBy: inspectorName(visit),
  });
  const amendmentOffered = locked && !amending && Boolean(amendDraft.offer);
  const keepAmendment = (patch: Partial<AmendmentDraft>) =>
    amendDraft.keep({ values: form.getFieldsValue(true) as VisitFormValues, reason, amendedBy, ...patch });
  const keepDraft = () => {
    if (!locked) draft.keep(form.getFieldsValue(true) as VisitFormValues);
    else if (amending) keepAmendment({});
  };
  const restoreAmendment = () => {
    const taken = amendDraft.restore();
    if (!taken) return;
    setAmending(true);
    setReason(taken.values.reason);
    setAmendedBy(taken.values.amendedBy);
    form.setFieldsValue(taken.values.values);
    void message.info(t('drafts.restored'));
  };
  const restoreDraft = () => {
    const taken = draft.restore();
    if (taken) form.setFieldsValue(taken.values);
    void message.info(t('drafts.restored'));
  };

  // Fields changed elsewhere since the form opened wait here for the person's choice.
  const [conflicts, setConflicts] = useState<{ rows: FieldConflict[]; edited: Partial<Visit> } | null>(null);

  /** Saves only what changed since the form opened; a field that moved underneath is asked about. */
  const write = async (edited: Partial<Visit>, resolutions?: Readonly<Record<string, Resolution>>) => {
    setSaving(true);
    try {
      const outcome = await actions.saveEdits(visit.id, { base: draft.base, edited, resolutions });
      if (!outcome.ok) return setConflicts({ rows: outcome.conflicts, edited });
      // What is stored now: mine, except the fields where the person kept theirs, which the form shows.
      const stored: Record<string, unknown> = { ...edited };
      for (const row of conflicts?.rows ?? [])
        if (resolutions?.[row.field] === 'theirs') stored[row.field] = row.theirs;
      if (resolutions) form.setFieldsValue(toVisitForm({ ...visit, ...stored }));
      setConflicts(null);
      await draft.saved(stored, form.getFieldsValue(true) as VisitFormValues);
      void message.success(t('visits.saved'));
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'visits.saveFailed')));
    } finally {
      setSaving(false);
    }
  };

  const save = async (values: VisitFormValues) => {
    const result = fromVisitForm({ ...initial, ...values });
    if (!result.ok) {
      form.setFields([{ name: result.field, errors: [t(`visits.invalid.${result.field}`)] }]);
      return;
    }
    if (amending) return amend(result.changes);
    await write(result.changes);
  };

  const amend = async (changes: Partial<Visit>) => {
    if (reason.trim() === '' || amendedBy.trim() === '') return setReasonMissing(true);
    setSaving(true);
    try {
      // Only the amendable fields count: the amendment compares those and ignores the rest.
      await visitActions(db).amend(visit.id, changes, reason, amendedBy.trim());
      void message.success(t('amend.saved'));
      await amendDraft.saved(changes, {
        values: form.getFieldsValue(true) as VisitFormValues,
        reason: '',
        amendedBy: inspectorName(visit),
      });
      stopAmending();
    } catch (error) {
      if (error instanceof NothingToAmendError) void message.info(t('amend.nothing'));
      else void message.error(errorContent(describeFailure(error, t, 'amend.failed')));
    } finally {
      setSaving(false);
    }
  };

  const startAmending = () => {
    setAmendedBy(inspectorName(visit));
    setAmending(true);
  };
  const stopAmending = () => {
    setAmending(false);
    setReason('');
    setReasonMissing(false);
  };
  const cancelAmending = () => {
    // Cancelling throws the amendment away, its draft with it.
    void amendDraft.discard();
    form.setFieldsValue(toVisitForm(visit));
    stopAmending();
  };

  const locateFromPhoto = () => {
    const photo = (photos ?? []).find((p) => p.gps !== null);
    if (!photo?.gps) return void message.warning(t('location.noPhoto'));
    form.setFieldsValue({
      lat: roundCoordinate(photo.gps.lat),
      lng: roundCoordinate(photo.gps.lng),
      locationSource: 'photo',
    });
    keepDraft();
    void message.success(t('location.taken', { file: photo.fileName }));
  };
  const hasGeotaggedPhoto = (photos ?? []).some((p) => p.gps !== null);

  const extra = !locked ? (
    <Button type="primary" loading={saving} onClick={() => form.submit()}>
      {t('visits.saveDraft')}
    </Button>
  ) : amending ? (
    <Space>
      <Button onClick={cancelAmending}>{t('amend.cancel')}</Button>
      <Button type="primary" loading={saving} onClick={() => form.submit()}>
        {t('amend.save')}
      </Button>
    </Space>
  ) : (
    <Button onClick={startAmending}>{t('amend.start')}</Button>
  );

  return (
    <Card title={amending ? t('amend.title') : t('visits.sections.record')} extra={extra}>
      {amendmentOffered && (
        <DraftAlert
          offer={amendDraft.offer}
          problem={amendDraft.problem}
          text={(at) => t('drafts.amendOffer', { at })}
          onRestore={restoreAmendment}
          onDiscard={() => void amendDraft.discard()}
        />
      )}
      {!locked && (
        <DraftAlert
          offer={draft.offer}
          problem={draft.problem}
          onRestore={restoreDraft}
          onDiscard={() => void draft.discard()}
        />
      )}
      {amending && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Alert type="warning" showIcon title={t('amend.intro')} />
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <label htmlFor="amend-reason">{t('amend.reason')}</label>
              <Input.TextArea
                id="amend-reason"
                rows={2}
                maxLength={1000}
                status={reasonMissing ? 'error' : undefined}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  keepAmendment({ reason: e.target.value });
                  setReasonMissing(false);
                }}
              />
              {reasonMissing && (
                <div role="alert" style={{ color: '#cf1322' }}>
                  {reason.trim() === '' ? t('amend.reasonRequired') : t('amend.byRequired')}
                </div>
              )}
            </Col>
            <Col xs={24} md={8}>
              <label htmlFor="amend-by">{t('amend.by')}</label>
              <Input
                id="amend-by"
                maxLength={50}
                status={reasonMissing && amendedBy.trim() === '' ? 'error' : undefined}
                value={amendedBy}
                onChange={(e) => {
                  setAmendedBy(e.target.value);
                  keepAmendment({ amendedBy: e.target.value });
                  setReasonMissing(false);
                }}
              />
            </Col>
          </Row>
        </Space>
      )}
      <Form<VisitFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={!editable}
        onFinish={(v) => void save(v)}
        onValuesChange={(changed: Partial<VisitFormValues>) => {
          if ('lat' in changed || 'lng' in changed) form.setFieldValue('locationSource', 'typed');
          keepDraft();
        }}
      >
        <Form.Item name="locationSource" hidden>
          <Input />
        </Form.Item>
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
              <DateInput />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="startTime" label={t('visits.fields.startTime')}>
              <TimeInput />
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
          <Col xs={24} md={12}>
            <Form.Item label=" ">
              <Space wrap>
                <Button
                  icon={<EnvironmentOutlined />}
                  disabled={!editable || !hasGeotaggedPhoto}
                  title={hasGeotaggedPhoto ? undefined : t('location.noPhoto')}
                  onClick={locateFromPhoto}
                >
                  {t('location.fromPhoto')}
                </Button>
                <Tag data-testid="location-source">
                  {locationSource === 'photo' ? t('location.sourcePhoto') : t('location.sourceTyped')}
                </Tag>
              </Space>
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="percentComplete" label={t('visits.fields.percentComplete')}>
              <InputNumber min={0} max={100} suffix="%" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name="reportedInvestment" label={t('visits.fields.reportedInvestment')}>
              <Input inputMode="decimal" suffix={t('shell.wan')} />
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
      <ConflictDialog
        conflicts={conflicts?.rows ?? null}
        {...visitConflictText(t, organization)}
        saving={saving}
        onSave={(choices) => conflicts && void write(conflicts.edited, choices)}
        onCancel={() => setConflicts(null)}
      />
    </Card>
  );
}

/** An amendment in progress, as its draft keeps it. */
interface AmendmentDraft {
  values: VisitFormValues;
  reason: string;
  amendedBy: string;
}

const inspectorName = (visit: Visit): string =>
  visit.signatures.find((s) => s.role === 'inspector')?.name ?? '';

// 目标任务: the year's targets in one line, and a form to change them. The targets are the office's data
// (a synced record), so a change made here reaches the other laptops like any other record.
import { App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FieldConflict, reportActions, useDatabase, type YearTargets } from '../../db';
import type { TargetValues } from '../../../shared/domain/targets';
import { type ConflictChoice, ConflictDialog, plainValue } from '../../ui/ConflictDialog';
import { formatShare } from './format';
import {
  checkTargetsForm,
  formValuesOf,
  SHARE_FIELDS,
  type TargetsCheck,
  type TargetsFormValues,
} from './targets-form-model';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';
import { DateInput } from '../../ui/DateInput';

export function TargetsPanel({ targets }: { targets: YearTargets }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const title = t('dashboard.targets.title', { year: targets.year });
  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }}>
      <Space wrap align="baseline">
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Text data-testid="targets-summary">
          {t('dashboard.targets.summary', {
            investment: formatShare(targets.annualInvestmentShare),
            start: formatShare(targets.startRate),
            startBy: targets.startBy,
            funding: formatShare(targets.fundingArrivalShare),
            area: formatShare(targets.completedAreaShare),
          })}
        </Typography.Text>
        <Button size="small" onClick={() => setEditing(true)}>
          {t('dashboard.targets.edit')}
        </Button>
      </Space>
      {!targets.stored && (
        <Typography.Text type="secondary">{t('dashboard.targets.defaults')}</Typography.Text>
      )}
      <Modal open={editing} title={title} footer={null} onCancel={() => setEditing(false)} destroyOnHidden>
        <TargetsForm targets={targets} onDone={() => setEditing(false)} />
      </Modal>
    </Space>
  );
}

function TargetsForm({ targets, onDone }: { targets: YearTargets; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = reportActions(useDatabase());
  const [form, setForm] = useState<TargetsFormValues>(() => formValuesOf(targets));
  // The targets as the form opened on them: only what the person changes from these is written.
  const [base] = useState<TargetValues>(() => valuesOf(targets));
  const [conflicts, setConflicts] = useState<{ rows: FieldConflict[]; values: TargetValues } | null>(null);
  const [checked, setChecked] = useState<TargetsCheck | null>(null);
  const [problem, setProblem] = useState<ReactNode>(null);
  const [saving, setSaving] = useState(false);
  const errors = checked && !checked.ok ? checked.errors : {};

  const set = (field: keyof TargetsFormValues, value: string) => {
    const next = { ...form, [field]: value };
    setForm(next);
    // Once a save was tried, the marks follow the typing, so a corrected field clears at once.
    if (checked) setChecked(checkTargetsForm(next, targets.year));
  };

  const save = async (choices?: Record<string, ConflictChoice>) => {
    const result = checkTargetsForm(form, targets.year);
    setChecked(result);
    if (!result.ok) return setProblem(t('dashboard.targets.invalid'));
    setProblem(null);
    setSaving(true);
    try {
      const outcome = await actions.saveTargets(targets.year, {
        base,
        edited: result.values,
        resolutions: choices,
      });
      if (!outcome.ok) return setConflicts({ rows: outcome.conflicts, values: result.values });
      setConflicts(null);
      void message.success(t('dashboard.targets.saved'));
      onDone();
    } catch (error) {
      setProblem(errorContent(describeFailure(error, t, 'dashboard.targets.failed')));
    } finally {
      setSaving(false);
    }
  };

  const field = (name: keyof TargetsFormValues, input: { type?: string; suffix?: string }) => {
    const error = errors[name];
    return (
      <Form.Item
        key={name}
        label={t(`dashboard.targets.fields.${name}`)}
        htmlFor={`target-${name}`}
        validateStatus={error ? 'error' : undefined}
        help={error ? t(`dashboard.targets.errors.${error}`, { year: targets.year }) : undefined}
      >
        {input.type === 'date' ? (
          <DateInput
            id={`target-${name}`}
            value={form[name]}
            onChange={(value) => set(name, value)}
            style={{ maxWidth: 200 }}
          />
        ) : (
          <Input
            id={`target-${name}`}
            suffix={input.suffix}
            value={form[name]}
            aria-invalid={error ? true : undefined}
            onChange={(e) => set(name, e.target.value)}
            style={{ maxWidth: 160 }}
          />
        )}
      </Form.Item>
    );
  };

  return (
    <Form layout="vertical" onFinish={() => void save()}>
      <ConflictDialog
        conflicts={conflicts?.rows ?? null}
        labelOf={(name) => t(`dashboard.targets.fields.${name}`)}
        formatValue={(name, value) =>
          typeof value === 'number' && name !== 'startBy' ? formatShare(value) : plainValue(value)
        }
        saving={saving}
        onSave={(choices) => void save(choices)}
        onCancel={() => setConflicts(null)}
      />
      {SHARE_FIELDS.slice(0, 2).map((name) => field(name, { suffix: '%' }))}
      {field('startBy', { type: 'date' })}
      {SHARE_FIELDS.slice(2).map((name) => field(name, { suffix: '%' }))}
      {problem && (
        <div role="alert" style={{ color: '#cf1322', marginBottom: 12 }}>
          {problem}
        </div>
      )}
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onDone}>{t('dashboard.targets.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('dashboard.targets.save')}
        </Button>
      </Space>
    </Form>
  );
}

/** The target values of a year's targets, without the year and whether they were stored. */
function valuesOf(targets: YearTargets): TargetValues {
  const { year: _year, stored: _stored, ...values } = targets;
  return values;
}

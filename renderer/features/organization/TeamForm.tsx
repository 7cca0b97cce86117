// The team (督查组) and its issuing authority: city, 发文机关, name, 文号 prefix with the next number's
// preview, the shortest 整改时限 and 抄送. With no team yet, saving makes it and this laptop's team.
import { Alert, App, Button, Form, Input } from 'antd';
import { InputNumber } from '../../ui/InputNumber';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNoticeNumber, parseNoticeNumber } from '../../../shared/reports/notice-number';
import {
  organizationActions,
  useDatabase,
  useNextNoticeNumber,
  useOrganization,
  useWorkingContext,
} from '../../db';
import { useToday } from '../../stores/clock';
import { cityOf } from './city';
import { useFailureText } from './failure-text';
import { saveTeam, type TeamValues } from './save-team';

export function TeamForm({ onSaved }: { onSaved?: () => void }) {
  const org = useOrganization();
  const working = useWorkingContext();
  if (!org || !working) return null;
  // Keyed by the team, so the form starts from the team's values once they are loaded.
  return <TeamFields key={working.team?.id ?? 'new'} onSaved={onSaved} />;
}

function TeamFields({ onSaved }: { onSaved?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const actions = organizationActions(useDatabase());
  const org = useOrganization();
  const working = useWorkingContext();
  const failureText = useFailureText();
  const [form] = Form.useForm<TeamValues>();
  const [error, setError] = useState<ReactNode>(null);
  const [busy, setBusy] = useState(false);
  const year = Number(useToday().slice(0, 4));
  const prefix = Form.useWatch('documentPrefix', form) ?? working?.team?.documentPrefix ?? '';
  const next = Form.useWatch('nextNumber', form);
  const onRecord = useNextNoticeNumber(prefix.trim() === '' ? null : prefix.trim(), year);
  if (!org || !working) return null;

  const team = working.team;
  const start = team?.noticeSequenceStart;
  const initialValues: TeamValues = {
    city: cityOf(org, working)?.name ?? '',
    issuingAuthority: team?.issuingAuthority ?? '',
    name: team?.name ?? '',
    documentPrefix: team?.documentPrefix ?? '督查',
    nextNumber: start?.year === year ? start.next : 1,
    minimumDeadlineDays: team?.minimumDeadlineDays ?? 7,
    copyTo: team?.copyTo ?? '',
    printedBy: team?.printedBy ?? '',
  };
  const recordSeq = onRecord ? (parseNoticeNumber(onRecord)?.seq ?? 1) : 1;
  const previewSeq = Math.max(typeof next === 'number' ? next : 1, recordSeq);

  const finish = async (values: TeamValues) => {
    setBusy(true);
    setError(null);
    try {
      await saveTeam(actions, org, working, values, year);
      void message.success(t('organization.team.saved'));
      onSaved?.();
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('organization.team.required') }];

  return (
    <Form<TeamValues>
      form={form}
      name="team"
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={initialValues}
      onFinish={(values) => void finish(values)}
    >
      {error && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={error} />}
      <Form.Item name="city" label={t('organization.team.city')} rules={required}>
        <Input maxLength={100} placeholder={t('organization.team.cityPlaceholder')} />
      </Form.Item>
      <Form.Item name="issuingAuthority" label={t('organization.team.issuingAuthority')} rules={required}>
        <Input maxLength={100} placeholder={t('organization.team.issuingAuthorityPlaceholder')} />
      </Form.Item>
      <Form.Item name="name" label={t('organization.team.name')} rules={required}>
        <Input maxLength={100} placeholder={t('organization.team.namePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="documentPrefix"
        label={t('organization.team.documentPrefix')}
        rules={required}
        extra={
          prefix.trim() !== '' && (
            <span data-testid="notice-number-preview">
              {t('organization.team.preview', {
                number: formatNoticeNumber({ prefix: prefix.trim(), year, seq: previewSeq }),
              })}
            </span>
          )
        }
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item name="nextNumber" label={t('organization.team.nextNumber')}>
        <InputNumber min={1} max={100000} precision={0} controls={false} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="minimumDeadlineDays" label={t('organization.team.minimumDeadlineDays')}>
        <InputNumber min={0} max={365} precision={0} controls={false} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name="copyTo" label={t('organization.team.copyTo')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="printedBy" label={t('organization.team.printedBy')}>
        <Input maxLength={100} placeholder={t('organization.team.printedByPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('organization.team.save')}
      </Button>
    </Form>
  );
}

// The lists workbook, checked before anything is written: what would be added, what is already on the
// lists (skipped), or — for a bad file — every problem with its sheet and row. "Add to lists" writes
// everything in one transaction.
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/ids/uuidv7';
import {
  DuplicateNameError,
  organizationActions,
  useDatabase,
  useOrganization,
  useWorkingContext,
} from '../../db';
import { useSession } from '../../stores/session';
import { errorContent } from '../../ui/ErrorDetails';
import { WorkbookDropZone } from '../../ui/WorkbookDropZone';
import { describeFailure } from '../../ui/user-error';
import { ListsFileError, type ListsPlan, type LocalizedText, planLists, readListsWorkbook } from './excel';

function NameList({ label, names }: { label: string; names: readonly string[] }) {
  const { t } = useTranslation();
  if (names.length === 0) return null;
  return (
    <Typography.Paragraph style={{ marginBottom: 4 }}>
      <Typography.Text strong>{label}</Typography.Text> {names.join(t('lists.additions.separator'))}
    </Typography.Paragraph>
  );
}

export function ImportListsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const db = useDatabase();
  const organization = useOrganization();
  const working = useWorkingContext();
  const lang = useSession((s) => s.language) === 'en' ? 'en' : 'zh';
  const [plan, setPlan] = useState<ListsPlan | null>(null);
  const [refused, setRefused] = useState<{ file: string; problems: LocalizedText[] } | null>(null);
  const [failure, setFailure] = useState<ReactNode>(null);
  const [saving, setSaving] = useState(false);

  const close = () => {
    setPlan(null);
    setRefused(null);
    setFailure(null);
    onClose();
  };

  const choose = async (file: File) => {
    setPlan(null);
    setRefused(null);
    setFailure(null);
    if (!organization) return;
    try {
      const book = await readListsWorkbook(await file.arrayBuffer());
      const all = organization.all;
      setPlan(
        planLists(
          book,
          { regions: all.regions, units: all.units, people: all.people },
          {
            cityId: working?.team?.cityId ?? organization.regions.find((r) => r.level === 'city')?.id ?? null,
            teamId: working?.team?.id ?? null,
            now: new Date().toISOString(),
            newId: () => uuidv7(),
          },
        ),
      );
    } catch (error) {
      if (error instanceof ListsFileError) setRefused({ file: file.name, problems: error.problems });
      else setFailure(errorContent(describeFailure(error, t, 'lists.import.failed')));
    }
  };

  const confirm = async () => {
    if (!plan) return;
    setSaving(true);
    setFailure(null);
    try {
      const added = await organizationActions(db).importLists(plan.add);
      void message.success(t('lists.import.added', added));
      close();
    } catch (error) {
      // A name added meanwhile (another window, a sync): said by name; the file can be chosen again.
      setFailure(
        error instanceof DuplicateNameError
          ? t('organization.duplicate', { name: error.duplicate.trim() })
          : errorContent(describeFailure(error, t, 'lists.import.failed')),
      );
    } finally {
      setSaving(false);
    }
  };

  const adding = plan ? plan.add.regions.length + plan.add.units.length + plan.add.people.length : 0;
  const regionLabel = (id: string | null) =>
    [...(organization?.all.regions ?? []), ...(plan?.add.regions ?? [])].find((r) => r.id === id)?.name;
  const regionNames = (plan?.add.regions ?? []).map((r) => {
    const parent = r.level === 'town' ? regionLabel(r.parentId) : undefined;
    return parent ? `${parent} ${r.name}` : r.name;
  });

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('lists.import.title')}
      width={760}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>{t('lists.import.cancel')}</Button>
          <Button type="primary" disabled={adding === 0} loading={saving} onClick={() => void confirm()}>
            {t('lists.import.confirm')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph>{t('lists.import.intro')}</Typography.Paragraph>
      <WorkbookDropZone hint={t('lists.import.chooseFile')} onFile={(file) => void choose(file)} />
      {refused && (
        <Alert
          type="error"
          showIcon
          role="alert"
          style={{ marginTop: 12 }}
          title={t('lists.import.refused', { file: refused.file })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {refused.problems.map((p, i) => (
                <li key={i}>{p[lang]}</li>
              ))}
            </ul>
          }
        />
      )}
      {plan && (
        <div style={{ marginTop: 12 }} data-testid="lists-plan">
          {adding === 0 ? (
            <Alert type="info" showIcon title={t('lists.import.nothing')} />
          ) : (
            <>
              <Typography.Title level={5}>{t('lists.import.willAdd')}</Typography.Title>
              <NameList
                label={t('lists.import.regions', { count: regionNames.length })}
                names={regionNames}
              />
              <NameList
                label={t('lists.import.units', { count: plan.add.units.length })}
                names={plan.add.units.map((u) => u.name)}
              />
              <NameList
                label={t('lists.import.people', { count: plan.add.people.length })}
                names={plan.add.people.map((p) => p.name)}
              />
            </>
          )}
          {plan.skipped.regions.length + plan.skipped.units.length + plan.skipped.people.length > 0 && (
            <>
              <Typography.Title level={5}>{t('lists.import.skipped')}</Typography.Title>
              <NameList
                label={t('lists.import.regions', { count: plan.skipped.regions.length })}
                names={plan.skipped.regions}
              />
              <NameList
                label={t('lists.import.units', { count: plan.skipped.units.length })}
                names={plan.skipped.units}
              />
              <NameList
                label={t('lists.import.people', { count: plan.skipped.people.length })}
                names={plan.skipped.people}
              />
            </>
          )}
        </div>
      )}
      {failure && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={failure} />}
    </Modal>
  );
}

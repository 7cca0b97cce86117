// The import's offer to add what the list names and the team's lists lack: exactly those names, in the
// UI's language, before anything is written. Accepting is the dialog's "Add them and import"; going back
// changes nothing.
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface AdditionNames {
  regions: string[];
  units: string[];
  restored: string[];
}

export function ListAdditionsOffer({ names }: { names: AdditionNames }) {
  const { t } = useTranslation();
  const join = (list: string[]) => list.join(t('lists.additions.separator'));
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="import-additions"
      title={t('lists.additions.title')}
      description={
        <>
          {names.regions.length > 0 && (
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('lists.additions.regions', { names: join(names.regions) })}
            </Typography.Paragraph>
          )}
          {names.units.length > 0 && (
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('lists.additions.units', { names: join(names.units) })}
            </Typography.Paragraph>
          )}
          {names.restored.length > 0 && (
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              {t('lists.additions.restored', { names: join(names.restored) })}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{t('lists.additions.hint')}</Typography.Text>
        </>
      }
    />
  );
}

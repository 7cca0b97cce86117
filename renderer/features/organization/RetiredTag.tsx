// A retired entry reads greyed with its tag: still named by the records that use it, offered nowhere.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export function EntryName({ name, retired }: { name: string; retired: boolean | undefined }) {
  const { t } = useTranslation();
  if (retired !== true) return <>{name}</>;
  return (
    <>
      <Typography.Text type="secondary">{name}</Typography.Text> <Tag>{t('organization.retired')}</Tag>
    </>
  );
}

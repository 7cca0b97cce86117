// Where an export goes or an import comes from: the removable drives, "Choose folder", the choice,
// and what interrupted exports left there.
import { Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DrivesList } from './DrivesList';
import { ChooseFolderButton } from './FolderChooser';
import { LeftoversNotice } from './LeftoversNotice';

const TEXTS = {
  export: {
    title: 'exchange.target.title',
    use: 'exchange.target.use',
    chosen: 'exchange.target.chosen',
    none: 'exchange.target.none',
  },
  import: {
    title: 'exchange.import.source',
    use: 'exchange.import.use',
    chosen: 'exchange.import.chosen',
    none: 'exchange.import.none',
  },
} as const;

export function PlaceCard({
  purpose,
  path,
  onChosen,
}: {
  purpose: 'export' | 'import';
  path: string | null;
  onChosen: (path: string) => void;
}) {
  const { t } = useTranslation();
  const texts = TEXTS[purpose];
  return (
    <Card size="small" title={t(texts.title)}>
      <DrivesList useLabel={t(texts.use)} onUse={onChosen} />
      <Space wrap>
        <ChooseFolderButton purpose={purpose} onChosen={onChosen} />
        <Typography.Text data-testid={`${purpose}-place`} type={path ? undefined : 'secondary'}>
          {path ? t(texts.chosen, { path }) : t(texts.none)}
        </Typography.Text>
      </Space>
      {path && <LeftoversNotice folder={path} />}
    </Card>
  );
}

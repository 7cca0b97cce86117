// Where an export goes or an import comes from: the removable drives, "Choose folder", the choice,
// and what interrupted exports left there.
import { Card, Space, Typography } from 'antd';
import type { Place } from '../../../shared/contract';
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
  place,
  onChosen,
}: {
  purpose: 'export' | 'import';
  /** The folder or drive chosen: the host's grant for it, and its path to show. */
  place: Place | null;
  onChosen: (place: Place) => void;
}) {
  const { t } = useTranslation();
  const texts = TEXTS[purpose];
  return (
    <Card size="small" title={t(texts.title)}>
      <DrivesList useLabel={t(texts.use)} onUse={onChosen} />
      <Space wrap>
        <ChooseFolderButton purpose={purpose} onChosen={onChosen} />
        <Typography.Text data-testid={`${purpose}-place`} type={place ? undefined : 'secondary'}>
          {place ? t(texts.chosen, { path: place.path }) : t(texts.none)}
        </Typography.Text>
      </Space>
      {place && <LeftoversNotice grant={place.grant} />}
    </Card>
  );
}

// The removable drives the host found, each with its free space and file system, and a button to use it.
import { Alert, Button, List, Typography } from 'antd';
import { UsbOutlined } from '../../ui/icons';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../ui/format-bytes';
import { useDrives } from './use-drives';
import { errorContent } from '../../ui/ErrorDetails';
import { shownText } from './shown-text';
import { describeError } from '../../ui/user-error';
import type { Place } from '../../../shared/contract';

export function DrivesList({ useLabel, onUse }: { useLabel: string; onUse: (place: Place) => void }) {
  const { t } = useTranslation();
  const listing = useDrives();
  if (!listing) return null;
  if (listing.failure !== undefined) {
    const described = describeError(listing.failure, t);
    const message = t('exchange.target.listFailed', { problem: described.message });
    return <Alert type="info" showIcon message={errorContent({ message, details: described.details })} />;
  }
  // The lister's own words (lsblk's, PowerShell's) are English: details for support, not the message.
  if (listing.problem)
    return (
      <Alert
        type="info"
        showIcon
        message={errorContent({
          message: t('exchange.target.listUnavailable'),
          details: shownText(listing.problem, 300),
        })}
      />
    );
  if (listing.drives.length === 0)
    return <Typography.Paragraph type="secondary">{t('exchange.target.noDrives')}</Typography.Paragraph>;
  return (
    <List
      size="small"
      aria-label={t('exchange.target.drives')}
      dataSource={listing.drives}
      renderItem={(drive) => (
        <List.Item
          actions={[
            <Button
              key="use"
              size="small"
              onClick={() => onUse({ grant: drive.grant, path: drive.mountPath })}
              aria-label={`${useLabel} ${drive.label}`}
            >
              {useLabel}
            </Button>,
          ]}
        >
          <List.Item.Meta
            avatar={<UsbOutlined aria-hidden />}
            title={`${drive.label} (${drive.mountPath})`}
            description={[
              drive.freeBytes !== null
                ? t('exchange.target.free', { free: formatBytes(drive.freeBytes) })
                : null,
              drive.fileSystem ? t('exchange.target.fileSystem', { fs: drive.fileSystem }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          />
        </List.Item>
      )}
    />
  );
}

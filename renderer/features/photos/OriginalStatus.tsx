// Where a photo's original is, in the viewer, on a laptop that syncs and does not hold it: on its way
// (originals come by themselves), or — on a laptop set to fetch originals only when asked — a button
// that asks for it. The viewer shows the display copy meanwhile; the original is the evidence.
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHoldsOriginal, useSyncState } from '../../db';
import { useSync } from '../../stores/sync';

export function OriginalStatus({ sha256 }: { sha256: string }) {
  const { t } = useTranslation();
  const held = useHoldsOriginal(sha256);
  const state = useSyncState();
  const engine = useSync((s) => s.engine);
  const [asked, setAsked] = useState(false);
  if (held !== false || !state?.enrollment || !state.signIn) return null;
  const whenAsked = state.photoOriginals === 'whenAsked';
  return (
    <Space direction="vertical" size={4} data-testid="photo-original">
      <Typography.Text type="secondary">
        {t('photos.original.label')}:{' '}
        {!whenAsked
          ? t('photos.original.onItsWay')
          : asked
            ? t('photos.original.asked')
            : t('photos.original.notHere')}
      </Typography.Text>
      {whenAsked && !asked && (
        <Button
          size="small"
          disabled={!engine}
          onClick={() => {
            setAsked(true);
            void engine?.askForOriginal(sha256);
          }}
        >
          {t('photos.original.download')}
        </Button>
      )}
    </Space>
  );
}

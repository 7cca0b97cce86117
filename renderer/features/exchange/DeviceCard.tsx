// This laptop as others see it: its name (editable) and its key's fingerprint, which the other side
// compares before trusting a first bundle.
import { Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exchangeActions, useDatabase, useDevicePublicFace } from '../../db';
import { useFingerprint } from './use-fingerprint';

export function DeviceCard() {
  const { t } = useTranslation();
  const db = useDatabase();
  const face = useDevicePublicFace();
  // What the user typed, until saved; otherwise the stored name shows.
  const [draft, setDraft] = useState<string | null>(null);
  const name = draft ?? face?.name ?? '';
  useEffect(() => {
    // The keys are made on first visit, so the fingerprint is there before the first export.
    void exchangeActions(db).identity();
  }, [db]);
  const fingerprint = useFingerprint(face?.publicKey);
  return (
    <Card size="small">
      <Space wrap align="center">
        <label htmlFor="device-name">{t('exchange.device.label')}</label>
        <Input
          id="device-name"
          value={name}
          // Until the stored name has loaded, typing would land before it and be joined to it.
          disabled={!face}
          maxLength={100}
          style={{ width: 240 }}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('exchange.device.hint')}
        />
        <Button
          disabled={!face || draft === null || draft.trim() === '' || draft.trim() === face.name}
          onClick={() => {
            void exchangeActions(db)
              .setDeviceName(name)
              .then(() => setDraft(null));
          }}
        >
          {t('exchange.device.save')}
        </Button>
        {fingerprint && (
          <Typography.Text type="secondary" data-testid="device-fingerprint">
            {t('exchange.device.key', { fingerprint })}
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
}

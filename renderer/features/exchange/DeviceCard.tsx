// This laptop as others see it: its name (editable) and its key's fingerprint, which the other side
// compares before trusting a first bundle.
import { Button, Card, Input, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exchangeSources, useDatabase, useDevicePublicFace } from '../../db';
import { useFingerprint } from './use-fingerprint';

export function DeviceCard() {
  const { t } = useTranslation();
  const db = useDatabase();
  const face = useDevicePublicFace();
  const [name, setName] = useState('');
  useEffect(() => {
    // The keys are made on first visit, so the fingerprint is there before the first export.
    void exchangeSources(db).identity();
  }, [db]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the stored name seeds the field once it loads.
    if (face) setName(face.name);
  }, [face?.name]); // eslint-disable-line react-hooks/exhaustive-deps -- only a new stored name resets the field
  const fingerprint = useFingerprint(face?.publicKey);
  return (
    <Card size="small">
      <Space wrap align="center">
        <label htmlFor="device-name">{t('exchange.device.label')}</label>
        <Input
          id="device-name"
          value={name}
          maxLength={100}
          style={{ width: 240 }}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('exchange.device.hint')}
        />
        <Button
          disabled={!face || name.trim() === '' || name.trim() === face.name}
          onClick={() => void exchangeSources(db).setDeviceName(name)}
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

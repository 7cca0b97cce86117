// Where this laptop syncs: the server's address and the one-time enrollment code, or, once enrolled,
// which server and team it belongs to (with a way to enroll again, for a new server or a new team).
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverAddressProblem } from '../../../shared/sync/laptop-routes';
import { type SyncState, useTeams } from '../../db';
import { useSync } from '../../stores/sync';
import { ProblemAlert } from './ProblemAlert';
import { type ProblemText, syncProblemText } from './problem-text';

export function ServerCard({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  const engine = useSync((s) => s.engine);
  const teams = useTeams();
  const [server, setServer] = useState(state.serverUrl ?? '');
  const [code, setCode] = useState('');
  const [again, setAgain] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);
  const [done, setDone] = useState(false);
  const addressWrong = server.trim() !== '' && serverAddressProblem(server.trim()) !== null;

  if (state.enrollment && !again) {
    const team = state.enrollment.teamId
      ? (state.teamName ??
        teams?.find((x) => x.id === state.enrollment?.teamId)?.name ??
        state.enrollment.teamId)
      : t('sync.server.officeLaptop');
    return (
      <Card size="small" title={t('sync.server.title')}>
        <Space direction="vertical">
          {done && <Alert type="success" showIcon title={t('sync.server.enrolledOk')} />}
          <Typography.Text data-testid="sync-enrolled">
            {t('sync.server.enrolled', { server: state.enrollment.serverUrl })}
          </Typography.Text>
          <Typography.Text data-testid="sync-team">{t('sync.server.team', { team })}</Typography.Text>
          <Typography.Text type="secondary">
            {t('sync.server.deviceId', { id: state.enrollment.deviceId })}
          </Typography.Text>
          <Button size="small" onClick={() => setAgain(true)}>
            {t('sync.server.enrollAgain')}
          </Button>
        </Space>
      </Card>
    );
  }

  const enroll = async () => {
    if (!engine) return;
    setBusy(true);
    setProblem(null);
    try {
      await engine.enroll(server.trim(), code);
      setAgain(false);
      setCode('');
      setDone(true);
    } catch (error) {
      setProblem(syncProblemText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('sync.server.title')}>
      <Form layout="vertical" onFinish={() => void enroll()} style={{ maxWidth: 480 }}>
        <Form.Item
          label={t('sync.server.address')}
          htmlFor="sync-server"
          extra={t('sync.server.addressHint')}
          validateStatus={addressWrong ? 'error' : undefined}
          help={addressWrong ? t('sync.addressInvalid') : undefined}
        >
          <Input
            id="sync-server"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            autoComplete="url"
            inputMode="url"
          />
        </Form.Item>
        <Form.Item label={t('sync.server.code')} htmlFor="sync-code" extra={t('sync.server.codeHint')}>
          <Input
            id="sync-code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={12}
            autoComplete="off"
            style={{ fontFamily: 'monospace', letterSpacing: 2 }}
          />
        </Form.Item>
        <ProblemAlert problem={problem} />
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={!engine || server.trim() === '' || addressWrong || code.trim().length !== 12}
        >
          {t('sync.server.enroll')}
        </Button>
      </Form>
    </Card>
  );
}

// Who is signed in on this laptop for sync, or the form to sign in (login and password, once: the
// server's binding then lasts however long the laptop stays offline).
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../db';
import { useSync } from '../../stores/sync';
import { ProblemAlert } from './ProblemAlert';
import { type ProblemText, syncProblemText } from './problem-text';

export function SignInCard({ state }: { state: SyncState }) {
  const { t } = useTranslation();
  const engine = useSync((s) => s.engine);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ProblemText | null>(null);

  if (!state.enrollment) return null;
  if (state.signIn) {
    const { person } = state.signIn;
    return (
      <Card size="small" title={t('sync.signIn.title')}>
        <Space wrap>
          <Typography.Text data-testid="sync-signed-in">
            {t('sync.signIn.signedInAs', { name: person.name, role: t(`sync.roles.${person.role}`) })}
          </Typography.Text>
          <Button size="small" onClick={() => void engine?.signOut()}>
            {t('sync.signIn.signOut')}
          </Button>
        </Space>
      </Card>
    );
  }

  const signIn = async () => {
    if (!engine) return;
    setBusy(true);
    setProblem(null);
    try {
      await engine.signIn(login, password);
      setPassword('');
    } catch (error) {
      setProblem(syncProblemText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('sync.signIn.title')}>
      <Form layout="vertical" onFinish={() => void signIn()} style={{ maxWidth: 480 }}>
        <Typography.Paragraph type="secondary">{t('sync.signIn.hint')}</Typography.Paragraph>
        <Form.Item label={t('sync.signIn.login')} htmlFor="sync-login">
          <Input
            id="sync-login"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            autoComplete="username"
          />
        </Form.Item>
        <Form.Item label={t('sync.signIn.password')} htmlFor="sync-password">
          <Input.Password
            id="sync-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </Form.Item>
        <ProblemAlert problem={problem} />
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={!engine || login.trim() === '' || password === ''}
        >
          {t('sync.signIn.submit')}
        </Button>
      </Form>
    </Card>
  );
}

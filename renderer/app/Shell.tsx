// The frame around every page: navigation on the left, reminders, language and host in the header; the
// pages and their addresses are in routes.tsx. None of the frame prints (print.css).
import { Layout, Menu, Spin, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useRoutes } from 'react-router';
import { useHasProjects, useSetupChoice } from '../db';
import { ReminderBell } from '../features/reminders/ReminderBell';
import { useSession } from '../stores/session';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { SECTIONS } from './navigation';
import { FirstRunPage, HOME_PATH, ROUTES } from './routes';
import './print.css';

export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const setup = useSetupChoice();
  const hasProjects = useHasProjects();
  const host = useSession((s) => s.appInfo?.host);
  const page = useRoutes(ROUTES);
  // Below the breakpoint the sider shows icons only, and the menu names them in tooltips; above it the
  // names are written out and the tooltips (one positioning component per item) are left out.
  const [collapsed, setCollapsed] = useState(false);

  if (setup === undefined || hasProjects === undefined) return <Spin fullscreen tip={t('app.loading')} />;
  if (setup === null && !hasProjects)
    return (
      <Suspense fallback={<Spin fullscreen tip={t('app.loading')} />}>
        <FirstRunPage />
      </Suspense>
    );

  const selected = SECTIONS.find((s) => location.pathname.startsWith(s.path))?.path ?? HOME_PATH;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        className="print-hidden"
        theme="light"
        width={200}
        breakpoint="lg"
        collapsedWidth={56}
        onCollapse={(value) => setCollapsed(value)}
      >
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 20, color: '#b71c1c' }}>
          {t('app.name')}
        </div>
        <nav aria-label={t('app.name')}>
          <Menu
            mode="inline"
            tooltip={collapsed ? undefined : false}
            selectedKeys={[selected]}
            onClick={({ key }) => void navigate(key)}
            items={SECTIONS.map((s) => ({ key: s.path, icon: s.icon, label: t(s.labelKey) }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="print-hidden"
          style={{ background: '#fff', display: 'flex', alignItems: 'center', gap: 12, paddingInline: 24 }}
        >
          <Typography.Text strong style={{ flex: 1 }}>
            {t('app.fullName')}
          </Typography.Text>
          {host && <Tag data-testid="host-kind">{t(`host.${host}`)}</Tag>}
          <ReminderBell />
          <LanguageSwitch />
        </Layout.Header>
        <Layout.Content className="app-content" style={{ padding: 24 }}>
          <Suspense fallback={<Spin />}>{page}</Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

// The frame around every page: navigation on the left, reminders, language and host in the header; the
// pages and their addresses are in routes.tsx. None of the frame prints (print.css).
import { Button, Layout, Menu, Spin, Tag, Typography } from 'antd';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useRoutes } from 'react-router';
import { useHasProjects, useSetupChoice } from '../db';
import { useNeedsSetup, WorkingPersonSelect } from '../features/organization';
import { ReminderBell } from '../features/reminders/ReminderBell';
import { ReadOnlyBoundary, ReadOnlyTag, SyncIndicator } from '../features/sync';
import { usePreferences } from '../stores/preferences';
import { useSession } from '../stores/session';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '../ui/icons';
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
  // Folded, the sider shows icons only and the menu names them in tooltips; unfolded, the names are
  // written out and the tooltips (one positioning component per item) are left out. The user folds it
  // (a 1280-pixel screen wants the room) and it stays as left, on this computer.
  const collapsed = usePreferences((s) => s.sidebarCollapsed);
  const setCollapsed = usePreferences((s) => s.setSidebarCollapsed);
  // A laptop that started empty opens at the set-up until its team is set up; once per start, and only
  // from the ledger, so the sidebar still leads anywhere else.
  const needsSetup = useNeedsSetup();
  const sentToSetup = useRef(false);
  useEffect(() => {
    if (needsSetup !== true || sentToSetup.current) return;
    sentToSetup.current = true;
    if (location.pathname === '/' || location.pathname === HOME_PATH)
      void navigate('/setup', { replace: true });
  }, [needsSetup, location.pathname, navigate]);

  if (setup === undefined || hasProjects === undefined || needsSetup === undefined)
    return <Spin fullscreen tip={t('app.loading')} />;
  if (setup === null && !hasProjects)
    return (
      <Suspense fallback={<Spin fullscreen tip={t('app.loading')} />}>
        <FirstRunPage />
      </Suspense>
    );

  const selected = SECTIONS.find((s) => location.pathname.startsWith(s.path))?.path ?? HOME_PATH;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* Fixed beside the page: it stays in place while a long page scrolls. */}
      <Layout.Sider
        className="print-hidden"
        theme="light"
        width={200}
        collapsed={collapsed}
        collapsedWidth={56}
        trigger={null}
        style={{ position: 'sticky', top: 0, height: '100vh', overflowY: 'auto' }}
      >
        <div
          style={{
            padding: collapsed ? '16px 0' : '16px 20px',
            textAlign: collapsed ? 'center' : undefined,
            fontWeight: 700,
            fontSize: 20,
            color: '#b71c1c',
          }}
        >
          {collapsed ? t('app.name').slice(0, 1) : t('app.name')}
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
          // Fixed at the top while the page scrolls.
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 10,
            background: '#fff',
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            paddingInline: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={collapsed ? t('shell.expandSidebar') : t('shell.collapseSidebar')}
            title={collapsed ? t('shell.expandSidebar') : t('shell.collapseSidebar')}
            onClick={() => setCollapsed(!collapsed)}
          />
          <Typography.Text strong style={{ flex: 1 }}>
            {t('app.fullName')}
          </Typography.Text>
          {host && <Tag data-testid="host-kind">{t(`host.${host}`)}</Tag>}
          <SyncIndicator />
          <ReadOnlyTag />
          <WorkingPersonSelect />
          <ReminderBell />
          <LanguageSwitch />
        </Layout.Header>
        <Layout.Content className="app-content" style={{ padding: 24 }}>
          <ReadOnlyBoundary path={location.pathname}>
            <Suspense fallback={<Spin />}>{page}</Suspense>
          </ReadOnlyBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

// The frame around every page: navigation on the left, language and host in the header.
import { Layout, Menu, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useHasProjects, useSetupChoice } from '../db';
import { ChecklistTemplatesPage } from '../features/checklists/ChecklistTemplatesPage';
import { TemplateEditorPage } from '../features/checklists/TemplateEditorPage';
import { FirstRunPage } from '../features/onboarding/FirstRunPage';
import { PlaceholderPage } from '../features/placeholders/PlaceholderPage';
import { ProjectDetailPage } from '../features/projects/detail/ProjectDetailPage';
import { ProjectFormPage } from '../features/projects/edit/ProjectFormPage';
import { ProjectsPage } from '../features/projects/ProjectsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { VisitPage } from '../features/visits/VisitPage';
import { VisitsPage } from '../features/visits/VisitsPage';
import { useSession } from '../stores/session';
import { LanguageSwitch } from './LanguageSwitch';
import { SECTIONS } from './navigation';

export function Shell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const setup = useSetupChoice();
  const hasProjects = useHasProjects();
  const host = useSession((s) => s.appInfo?.host);

  if (setup === undefined || hasProjects === undefined) return <Spin fullscreen tip={t('app.loading')} />;
  if (setup === null && !hasProjects) return <FirstRunPage />;

  const selected = SECTIONS.find((s) => location.pathname.startsWith(s.path))?.path ?? '/projects';
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider theme="light" width={200} breakpoint="lg" collapsedWidth={56}>
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 20, color: '#b71c1c' }}>
          {t('app.name')}
        </div>
        <nav aria-label={t('app.name')}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            onClick={({ key }) => void navigate(key)}
            items={SECTIONS.map((s) => ({ key: s.path, icon: s.icon, label: t(s.labelKey) }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', display: 'flex', alignItems: 'center', gap: 12, paddingInline: 24 }}
        >
          <Typography.Text strong style={{ flex: 1 }}>
            {t('app.fullName')}
          </Typography.Text>
          {host && <Tag data-testid="host-kind">{t(`host.${host}`)}</Tag>}
          <LanguageSwitch />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Routes>
            <Route path="/projects" element={<ProjectsPage />} />
            <Route path="/projects/new" element={<ProjectFormPage />} />
            <Route path="/projects/:id" element={<ProjectDetailPage />} />
            <Route path="/projects/:id/edit" element={<ProjectFormPage />} />
            <Route path="/visits" element={<VisitsPage />} />
            <Route path="/visits/:id" element={<VisitPage />} />
            <Route path="/checklists" element={<ChecklistTemplatesPage />} />
            <Route path="/checklists/new" element={<TemplateEditorPage />} />
            <Route path="/checklists/:key/edit" element={<TemplateEditorPage />} />
            <Route path="/issues" element={<PlaceholderPage section="issues" />} />
            <Route path="/dashboard" element={<PlaceholderPage section="dashboard" />} />
            <Route path="/exchange" element={<PlaceholderPage section="exchange" />} />
            <Route path="/sync" element={<PlaceholderPage section="sync" />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<Navigate to="/projects" replace />} />
          </Routes>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

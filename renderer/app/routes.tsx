// The pages and their addresses. Each page is a chunk of its own, loaded when it is first shown, so
// starting at the ledger does not load and run the code of the visits, checklists or settings pages.
// Start-up (start.tsx) loads the page the app opens at before the first render (preloadRoute), so that
// render has it at hand and never shows a fallback.
import type { ReactElement } from 'react';
import { matchRoutes, Navigate, type RouteObject } from 'react-router';
import { type LazyPage, lazyPage } from '../ui/lazy-page';

export const FirstRunPage = lazyPage(() =>
  import('../features/onboarding/FirstRunPage').then((m) => m.FirstRunPage),
);
const ProjectsPage = lazyPage(() => import('../features/projects/ProjectsPage').then((m) => m.ProjectsPage));
const ProjectDetailPage = lazyPage(() =>
  import('../features/projects/detail/ProjectDetailPage').then((m) => m.ProjectDetailPage),
);
const ProjectFormPage = lazyPage(() =>
  import('../features/projects/edit/ProjectFormPage').then((m) => m.ProjectFormPage),
);
const VisitsPage = lazyPage(() => import('../features/visits/VisitsPage').then((m) => m.VisitsPage));
const VisitPage = lazyPage(() => import('../features/visits/VisitPage').then((m) => m.VisitPage));
const ChecklistTemplatesPage = lazyPage(() =>
  import('../features/checklists/ChecklistTemplatesPage').then((m) => m.ChecklistTemplatesPage),
);
const TemplateEditorPage = lazyPage(() =>
  import('../features/checklists/TemplateEditorPage').then((m) => m.TemplateEditorPage),
);
const IssuesPage = lazyPage(() => import('../features/issues/IssuesPage').then((m) => m.IssuesPage));
const IssuePage = lazyPage(() => import('../features/issues/IssuePage').then((m) => m.IssuePage));
const MeetingPage = lazyPage(() => import('../features/meeting/MeetingPage').then((m) => m.MeetingPage));
const DashboardPage = lazyPage(() =>
  import('../features/dashboard/DashboardPage').then((m) => m.DashboardPage),
);
const ReportsPage = lazyPage(() => import('../features/reports/ReportsPage').then((m) => m.ReportsPage));
const ExchangePage = lazyPage(() => import('../features/exchange/ExchangePage').then((m) => m.ExchangePage));
const ConflictsPage = lazyPage(() => import('../features/sync/ConflictsPage').then((m) => m.ConflictsPage));
const SyncPage = lazyPage(() => import('../features/sync/SyncPage').then((m) => m.SyncPage));
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage').then((m) => m.SettingsPage));
const OrganizationPage = lazyPage(() =>
  import('../features/organization/OrganizationPage').then((m) => m.OrganizationPage),
);
const SetupPage = lazyPage(() => import('../features/organization/setup/SetupPage').then((m) => m.SetupPage));

/** Where the app goes from an address it does not know (and from no address at all). */
export const HOME_PATH = '/projects';

export const ROUTES: RouteObject[] = [
  { path: '/projects', element: <ProjectsPage /> },
  { path: '/projects/new', element: <ProjectFormPage /> },
  { path: '/projects/:id', element: <ProjectDetailPage /> },
  { path: '/projects/:id/edit', element: <ProjectFormPage /> },
  { path: '/visits', element: <VisitsPage /> },
  { path: '/visits/:id', element: <VisitPage /> },
  { path: '/checklists', element: <ChecklistTemplatesPage /> },
  { path: '/checklists/new', element: <TemplateEditorPage /> },
  { path: '/checklists/:key/edit', element: <TemplateEditorPage /> },
  { path: '/issues', element: <IssuesPage /> },
  { path: '/issues/:id', element: <IssuePage /> },
  { path: '/meeting', element: <MeetingPage /> },
  { path: '/dashboard', element: <DashboardPage /> },
  { path: '/reports', element: <ReportsPage /> },
  { path: '/exchange', element: <ExchangePage /> },
  { path: '/sync', element: <SyncPage /> },
  { path: '/conflicts', element: <ConflictsPage /> },
  { path: '/organization', element: <OrganizationPage /> },
  { path: '/setup', element: <SetupPage /> },
  { path: '/settings', element: <SettingsPage /> },
  { path: '*', element: <Navigate to={HOME_PATH} replace /> },
];

/** The path the app shows for an address: unknown ones go home. */
function routedPath(pathname: string): string {
  const match = matchRoutes(ROUTES, pathname)?.at(-1);
  return !match || match.route.path === '*' ? HOME_PATH : pathname;
}

/** Starts loading the page shown at `pathname`; resolves when it can render. */
export function preloadRoute(pathname: string): Promise<unknown> {
  const matches = matchRoutes(ROUTES, routedPath(pathname)) ?? [];
  return Promise.all(
    matches.map((m) => {
      const { type } = m.route.element as ReactElement;
      return (type as Partial<LazyPage<object>>).preload?.() ?? Promise.resolve();
    }),
  );
}

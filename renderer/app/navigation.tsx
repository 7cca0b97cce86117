// The sections of the app, in the order of an inspector's work.
import {
  ApartmentOutlined,
  AppstoreOutlined,
  BarChartOutlined,
  CheckSquareOutlined,
  CloudSyncOutlined,
  ExclamationCircleOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  UsbOutlined,
} from '../ui/icons';
import type { ReactNode } from 'react';

export interface Section {
  readonly path: string;
  readonly labelKey: `nav.${string}`;
  readonly icon: ReactNode;
}

export const SECTIONS: readonly Section[] = [
  { path: '/projects', labelKey: 'nav.projects', icon: <AppstoreOutlined aria-hidden /> },
  { path: '/visits', labelKey: 'nav.visits', icon: <FileSearchOutlined aria-hidden /> },
  { path: '/checklists', labelKey: 'nav.checklistTemplates', icon: <CheckSquareOutlined aria-hidden /> },
  { path: '/issues', labelKey: 'nav.issues', icon: <ExclamationCircleOutlined aria-hidden /> },
  { path: '/meeting', labelKey: 'nav.meeting', icon: <TeamOutlined aria-hidden /> },
  { path: '/dashboard', labelKey: 'nav.dashboard', icon: <BarChartOutlined aria-hidden /> },
  { path: '/reports', labelKey: 'nav.reports', icon: <FileTextOutlined aria-hidden /> },
  { path: '/exchange', labelKey: 'nav.exchange', icon: <UsbOutlined aria-hidden /> },
  { path: '/sync', labelKey: 'nav.sync', icon: <CloudSyncOutlined aria-hidden /> },
  { path: '/conflicts', labelKey: 'nav.conflicts', icon: <SwapOutlined aria-hidden /> },
  { path: '/organization', labelKey: 'nav.organization', icon: <ApartmentOutlined aria-hidden /> },
  { path: '/settings', labelKey: 'nav.settings', icon: <SettingOutlined aria-hidden /> },
];

// The frame around every page (the sidebar's toggle) and names shared controls give themselves.
import type { ShellMessages } from './shell.zh-CN';

export const shellEn: ShellMessages = {
  collapseSidebar: 'Collapse sidebar',
  expandSidebar: 'Expand sidebar',
  unknownName: '(unknown)',
  wan: '10k CNY',
};

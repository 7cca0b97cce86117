// The root: antd in the current language, then whatever the database state calls for.
// antd's styles come from its prebuilt style sheet rather than being generated at run time: generating
// them (CSS-in-JS) was the largest part of the first render. The theme's colours still apply, through
// the CSS variables antd sets at run time.
import 'antd/dist/antd.css';
import './contrast.css';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import zhCN from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter } from 'react-router';
import { DatabaseProvider } from '../db';
import type { HostClient } from '../host/client';
import { useDatabaseState } from '../stores/database';
import { useSession } from '../stores/session';
import { DatabaseErrorPage } from './DatabaseErrorPage';
import { FONT_FAMILY } from '../ui/font-family';
import { HostProvider } from '../ui/host-context';
import { usePrefersReducedMotion } from './reduced-motion';
import { Shell } from './Shell';

export function App({ host }: { host: HostClient }) {
  const language = useSession((s) => s.language);
  const { t } = useTranslation();
  const state = useDatabaseState((s) => s.state);
  const reducedMotion = usePrefersReducedMotion();

  useEffect(() => {
    // The date pickers' month and weekday names.
    dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
    // Text outside antd's components (tables of our own, portals) speaks the same fonts.
    document.body.style.fontFamily = FONT_FAMILY;
    document.documentElement.lang = language;
    document.title = t('app.fullName');
  }, [language, t]);

  let body;
  if (state.status === 'ready') {
    body = (
      <DatabaseProvider db={state.db}>
        <HashRouter>
          <Shell />
        </HashRouter>
      </DatabaseProvider>
    );
  } else if (state.status === 'opening') {
    body = <Spin fullscreen tip={t('app.loading')} />;
  } else {
    body = <DatabaseErrorPage state={state} />;
  }

  return (
    <ConfigProvider
      locale={language === 'en' ? enUS : zhCN}
      theme={{
        token: {
          colorPrimary: '#b71c1c',
          // WCAG AA (4.5:1) on white and on antd's grey backgrounds: antd's defaults for links (#1677ff),
          // placeholders (#bfbfbf), secondary text (#8c8c8c), error (#ff4d4f) and warning (#faad14) text fall short.
          colorLink: '#0958d9',
          colorLinkHover: '#1677ff',
          colorLinkActive: '#003eb3',
          colorTextPlaceholder: '#757575',
          colorTextQuaternary: '#757575',
          colorTextTertiary: '#666666',
          colorTextDescription: '#666666',
          colorTextDisabled: '#616161',
          colorError: '#cf1322',
          colorWarning: '#ad4e00',
          fontFamily: FONT_FAMILY,
          motion: !reducedMotion,
        },
        zeroRuntime: true,
      }}
      // antd spaces out two-character Chinese labels ("保 存"); screen readers would read them that way.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <HostProvider host={host}>{body}</HostProvider>
      </AntApp>
    </ConfigProvider>
  );
}

// zh-CN / English. Remembered on this computer unless the run was started with a forced language.
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18next, type Language } from '../i18n';
import { usePreferences } from '../stores/preferences';
import { useSession } from '../stores/session';

export function useChangeLanguage() {
  const forced = useSession((s) => s.forcedLanguage);
  const choose = usePreferences((s) => s.chooseLanguage);
  return (language: Language) => {
    void i18next.changeLanguage(language);
    useSession.getState().setLanguage(language);
    if (!forced) choose(language);
  };
}

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useSession((s) => s.language);
  const change = useChangeLanguage();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      value={language}
      onChange={change}
      options={[
        { value: 'zh-CN', label: t('language.zhCN') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}

import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-CN';
import { ErrorText } from './ErrorDetails';

async function render(lng: 'zh-CN' | 'en', error: { message: string; details: string }) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng,
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(
    <I18nextProvider i18n={instance}>
      <ErrorText error={error} />
    </I18nextProvider>,
  );
}

describe('ErrorText', () => {
  it('shows the message, and the details on a line of their own under it', async () => {
    const html = await render('zh-CN', { message: '未能保存：出现了意外错误。', details: 'Error: boom' });
    expect(html.indexOf('未能保存：出现了意外错误。')).toBeLessThan(html.indexOf('技术信息：Error: boom'));
    expect(html).toMatch(/data-testid="error-details"[^>]*>技术信息：Error: boom</);
    expect(await render('en', { message: 'Not saved', details: 'Error: boom' })).toContain(
      'Details: Error: boom',
    );
  });

  it('has no details line when there are none', async () => {
    const html = await render('en', { message: 'Not saved', details: '' });
    expect(html).toContain('Not saved');
    expect(html).not.toContain('error-details');
  });
});

// The shell around the pages: navigation, the remembered language, settings, and the host it runs on.
import { expect, test } from './support/fixtures';

test.describe('an English system', () => {
  test.use({ systemLocale: 'en-US' });

  test('defaults to English, and remembers a switch to Chinese', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { name: 'Welcome to Ducha' })).toBeVisible();
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('radiogroup', { name: 'Language' }).getByText('简体中文').click();
    await expect(page.getByRole('menuitem', { name: '项目台账' })).toBeVisible();
    const reopened = await app.reopen();
    await expect(reopened.getByRole('menuitem', { name: '项目台账' })).toBeVisible();
  });
});

test.describe('settings', () => {
  test.use({ query: 'lang=en' });

  test('shows storage persistence and usage, the host, and the device', async ({ app }, testInfo) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expect(page.getByTestId('storage-persistence')).toHaveAttribute('data-persisted', /true|false/);
    await expect(page.getByTestId('storage-usage')).toContainText('used of a');
    const hostLabel = app.host.kind === 'electron' ? 'Desktop app' : 'Browser host';
    await expect(page.getByTestId('host-kind')).toHaveText(hostLabel);
    await expect(page.getByText(/^[0-9a-f]{16}$/)).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath('settings-en.png') });

    for (const [name, text] of [
      ['Exchange', 'USB stick'],
      ['Sync', 'central server'],
    ] as const) {
      await page.getByRole('menuitem', { name }).click();
      await expect(page.getByRole('heading', { name })).toBeVisible();
      // The Exchange page names the stick twice when no drive is plugged in (its intro, the empty list).
      await expect(page.getByText(text).first()).toBeVisible();
    }
  });
});

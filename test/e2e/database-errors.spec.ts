// When the database cannot be used, the user gets a page that says why and what to do.
import { expect, test } from './support/fixtures';

/** Opens IndexedDB "ducha" directly, at a version newer than this app's, as a newer Ducha would. */
const upgradeBehindTheAppsBack = (version: number) =>
  new Promise<void>((resolve, reject) => {
    const request = indexedDB.open('ducha', version);
    request.onupgradeneeded = () => request.result.createObjectStore('fromTheFuture');
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(new Error(String(request.error)));
  });

test.use({ query: 'lang=en' });

test('a newer version upgrading the data closes this window, and this version refuses to open it', async ({
  app,
}) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expect(page.getByRole('menuitem', { name: 'Projects' })).toBeVisible();

  await page.evaluate(upgradeBehindTheAppsBack, 990);
  await expect(page.getByTestId('db-error-reason')).toHaveAttribute('data-reason', 'replaced');
  await expect(page.getByText('Another window upgraded the data.')).toBeVisible();

  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByTestId('db-error-reason')).toHaveAttribute('data-reason', 'newerVersion');
  await expect(page.getByText('saved by a newer version of Ducha')).toBeVisible();
  // The newer data was left exactly as it was.
  const stores = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) => {
        const request = indexedDB.open('ducha');
        request.onsuccess = () => {
          resolve([...request.result.objectStoreNames, `v${request.result.version}`]);
          request.result.close();
        };
      }),
  );
  expect(stores).toContain('fromTheFuture');
  expect(stores).toContain('v990');
});

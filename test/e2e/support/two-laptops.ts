// Two laptops handing data over by USB, driven through the Exchange page as a person does: name the
// laptop, export to a folder on disk (the stick), verify, trust and import; and a laptop's data read
// straight from IndexedDB to compare both. Labels match either language.
import { expect, type Page, type TestInfo } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { SYNCED_TABLES } from '../../../shared/sync/tables';
import { chooseOption } from './antd';
import { chooseFolder, EXPORT_TAB, IMPORT_TAB, openExchange, panelOf } from './exchange-page';

export { openExchange };

/**
 * Every synced row, and the photo originals' keys and sizes: a laptop's data. With `clocks`, the
 * winning clock of every field too — equal only once each laptop has the other's changes.
 */
export function dataOf(page: Page, clocks = true): Promise<string> {
  return page.evaluate(
    ([tables, withClocks]) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('ducha');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([...tables, 'photoBlobs'], 'readonly');
          const out: Record<string, unknown> = {};
          for (const table of tables) {
            const request = tx.objectStore(table).getAll();
            request.onsuccess = () => {
              out[table] = withClocks
                ? request.result
                : (request.result as { _clocks?: unknown }[]).map(({ _clocks, ...row }) => row);
            };
          }
          const blobs = tx.objectStore('photoBlobs').getAll();
          blobs.onsuccess = () => {
            out.photoBlobs = (blobs.result as { sha256: string; blob: Blob }[]).map((b) => [
              b.sha256,
              b.blob.size,
            ]);
          };
          // Keys sorted: a merged row gets its fields in another order than the row it came from.
          const sorted = (value: unknown): unknown =>
            Array.isArray(value)
              ? value.map(sorted)
              : value && typeof value === 'object'
                ? Object.fromEntries(
                    Object.keys(value)
                      .sort()
                      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
                  )
                : value;
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(sorted(out)));
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    [[...SYNCED_TABLES], clocks] as const,
  );
}

/** Equal data, or the tables that differ (both dumps saved beside the test's output to compare). */
export function expectSame(one: string, other: string, label: string, testInfo: TestInfo): void {
  if (one === other) return;
  writeFileSync(testInfo.outputPath(`${label}-1.json`), one);
  writeFileSync(testInfo.outputPath(`${label}-2.json`), other);
  const [a, b] = [JSON.parse(one) as Record<string, unknown>, JSON.parse(other) as Record<string, unknown>];
  const differing = Object.keys(a).filter((table) => JSON.stringify(a[table]) !== JSON.stringify(b[table]));
  expect(differing, `${label}: these tables differ`).toEqual([]);
}

/** Names this laptop on the Exchange page: the name other laptops and the history show. */
export async function nameLaptop(page: Page, name: string): Promise<void> {
  await openExchange(page);
  const field = page.getByLabel(/This laptop’s name|本机名称/);
  await field.fill(name);
  const save = page.getByRole('button', { name: /Save name|保存名称/ });
  await save.click();
  await expect(save).toBeDisabled();
  await expect(field).toHaveValue(name);
}

/**
 * Exports from the Exchange page into `folder` (no reports: the data is what the spec compares) —
 * everything, or with `recipient` only what that laptop lacks (chosen in the select labelled
 * `recipientLabel`, in the page's language). Returns the export folder's path.
 */
export async function exportTo(
  page: Page,
  folder: string,
  recipient?: string,
  recipientLabel = '接收电脑',
): Promise<string> {
  await openExchange(page);
  await page.getByRole('tab', { name: EXPORT_TAB }).click();
  await chooseFolder(page, EXPORT_TAB, folder);
  if (recipient) {
    await page.getByRole('radio', { name: /incremental|增量/ }).check();
    await chooseOption(page, recipientLabel, recipient);
  }
  const reports = page.getByRole('checkbox', { name: /reports|报告/ });
  if (await reports.isChecked()) await reports.click();
  await panelOf(page, EXPORT_TAB).getByRole('button', { name: EXPORT_TAB }).click();
  const outcome = page.getByTestId('export-outcome');
  await expect(outcome).toBeVisible({ timeout: 180_000 });
  await expect(outcome).toContainText(/Export complete|导出完成/);
  return (await page.getByTestId('export-path').innerText()).trim();
}

/**
 * Verifies an export folder and imports it; `trust` ticks the box a laptop seen for the first time
 * needs. Checks the preview names the sending laptop.
 */
export async function importFrom(
  page: Page,
  folder: string,
  { from, trust }: { from: string; trust: boolean },
): Promise<void> {
  await openExchange(page);
  await page.getByRole('tab', { name: IMPORT_TAB }).click();
  await chooseFolder(page, IMPORT_TAB, folder);
  await panelOf(page, IMPORT_TAB)
    .getByRole('button', { name: /^(Verify|校验)$/ })
    .click();
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText(
    /The bundle is complete and its signature is valid|数据包完整，签名有效/,
    {
      timeout: 60_000,
    },
  );
  await expect(preview).toContainText(from);
  if (trust)
    await page
      .getByRole('checkbox', { name: /I have compared it and trust this laptop|我已核对，信任这台电脑/ })
      .check();
  await page.getByRole('button', { name: /Apply import|执行导入/ }).click();
  await expect(page.getByTestId('import-outcome')).toContainText(/Import complete|导入完成/, {
    timeout: 180_000,
  });
}

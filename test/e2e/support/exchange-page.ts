// The Exchange page (导出导入) driven as a person does, in either language: open it, choose a folder
// through the in-app folder browser, export to a stick, verify a folder for import.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const EXPORT_TAB = /^(Export|导出)$/;
export const IMPORT_TAB = /^(Import|导入)$/;

/** The tab's own panel: the other tab's panel stays in the page, hidden, with its own buttons. */
export const panelOf = (page: Page, tab: RegExp) => page.getByRole('tabpanel', { name: tab });

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function openExchange(page: Page) {
  await page.getByRole('menuitem', { name: /^(Exchange|导出导入)$/ }).click();
  await expect(page.getByRole('heading', { name: /^(Exchange|导出导入)$/ })).toBeVisible();
}

export async function chooseFolder(page: Page, tab: RegExp, path: string) {
  await panelOf(page, tab)
    .getByRole('button', { name: /Choose folder|选择文件夹/ })
    .click();
  const dialog = page.getByRole('dialog', { name: /Choose folder|选择文件夹/ });
  // The home folder's listing arrives first; typing before it would be overwritten.
  await expect(dialog.getByLabel(/Folder path|文件夹路径/)).not.toHaveValue('');
  await dialog.getByLabel(/Folder path|文件夹路径/).fill(path);
  await dialog.getByRole('button', { name: /Use this folder|使用此文件夹/ }).click();
  await expect(dialog).toBeHidden();
  await expect(panelOf(page, tab).getByTestId(/-place$/)).toHaveText(new RegExp(`${escapeRegExp(path)}$`));
}

/** Exports everything (no reports) to `stick`; the export folder's path. */
export async function exportEverything(page: Page, stick: string): Promise<string> {
  await page.getByRole('tab', { name: EXPORT_TAB }).click();
  await chooseFolder(page, EXPORT_TAB, stick);
  const reports = page.getByRole('checkbox', { name: /reports|报告/ });
  if (await reports.isChecked()) await reports.click();
  await panelOf(page, EXPORT_TAB).getByRole('button', { name: EXPORT_TAB }).click();
  const outcome = page.getByTestId('export-outcome');
  await expect(outcome).toContainText(/Export complete|导出完成/, { timeout: 180_000 });
  return (await page.getByTestId('export-path').innerText()).trim();
}

export async function verifyFolder(page: Page, folder: string) {
  await page.getByRole('tab', { name: IMPORT_TAB }).click();
  await chooseFolder(page, IMPORT_TAB, folder);
  await panelOf(page, IMPORT_TAB)
    .getByRole('button', { name: /^(Verify|校验)$/ })
    .click();
}

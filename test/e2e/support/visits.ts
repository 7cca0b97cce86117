import type { Page } from '@playwright/test';

/**
 * Opens the latest visit of a project from the Visits page. The rows are looked for inside the
 * page's own region: right after the menu click the project ledger may still be on screen while the
 * Visits page's code loads, and its rows carry the same project name.
 */
export async function openVisitOf(page: Page, visitsTitle: string, project: string): Promise<void> {
  await page.getByRole('menuitem', { name: visitsTitle }).click();
  await page
    .getByRole('region', { name: visitsTitle })
    .getByRole('row')
    .filter({ hasText: project })
    .first()
    .click();
}

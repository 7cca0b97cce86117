// antd's Select keeps a hidden accessible list beside the visible one; this picks from the visible
// dropdown, as a user clicking would.
import type { Page } from '@playwright/test';

export async function chooseOption(page: Page, combobox: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: combobox }).click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

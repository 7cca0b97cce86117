// antd's Select keeps a hidden accessible list beside the visible one; this picks from the visible
// dropdown, as a user clicking would. On a loaded machine a click can land while the dropdown is
// still animating open and be lost, so the pick is checked (the select shows the option) and tried
// again — never clicked twice once it shows, since a second click deselects in a multiple select.
import { expect, type Page } from '@playwright/test';

export async function chooseOption(page: Page, combobox: string, option: string | RegExp): Promise<void> {
  const box = page.getByRole('combobox', { name: combobox });
  const select = page.locator('.ant-select').filter({ has: box }).first();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  for (let attempt = 1; ; attempt++) {
    if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click();
    await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
    try {
      await expect(select).toContainText(option, { timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
    }
  }
}

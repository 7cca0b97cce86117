// antd's Select keeps a hidden accessible list beside the visible one; this picks from the visible
// dropdown, as a user clicking would. On a loaded machine a click can land while the dropdown is
// still animating open and be lost, so the pick is checked (the select shows the option) and tried
// again — never clicked twice once it shows, since a second click deselects in a multiple select.
import { expect, type Locator, type Page } from '@playwright/test';

/** Picks an option of the select named `combobox` — inside `within` (a dialog) when names repeat. */
export async function chooseOption(
  page: Page,
  combobox: string,
  option: string | RegExp,
  within: Page | Locator = page,
): Promise<void> {
  const box = within.getByRole('combobox', { name: combobox });
  // `has` is matched inside each .ant-select, so it takes a locator not rooted in `within`.
  const select = within
    .locator('.ant-select')
    .filter({ has: page.getByRole('combobox', { name: combobox }) })
    .first();
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

/**
 * Types a date (YYYY-MM-DD) or a time (HH:mm) into an antd date or time picker, as a user typing it
 * would, and leaves the field with Tab, which commits it and closes the picker. (Not Enter: in a
 * form, Enter also submits it.)
 */
export async function fillDate(field: Locator, value: string): Promise<void> {
  await field.click();
  await field.fill(value);
  await field.press('Tab');
  await expect(field).toHaveValue(value);
}

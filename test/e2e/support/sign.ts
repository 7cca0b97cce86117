// Signing a visit as a user does: open the role's dialog, type the name, draw on the pad with the
// mouse, confirm.
import { expect, type Page } from '@playwright/test';

export interface SignLabels {
  /** The button and dialog name, e.g. "督查人员签字". */
  button: string;
  signerName: string;
  pad: string;
  confirm: string;
}

/** Where the pad is once the dialog has stopped moving (it zooms in as it opens). */
async function settledBox(page: Page, padLabel: string) {
  const pad = page.getByRole('img', { name: padLabel });
  let last = await pad.boundingBox();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(100);
    const now = await pad.boundingBox();
    if (last && now && now.x === last.x && now.y === last.y && now.width === last.width) return now;
    last = now;
  }
  if (!last) throw new Error('the signature pad is not on screen');
  return last;
}

/** Draws a signature-like zigzag on the pad. */
export async function scribble(page: Page, padLabel: string): Promise<void> {
  const box = await settledBox(page, padLabel);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 40, y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + 40 + i * 25, y + (i % 2 ? -30 : 30), { steps: 3 });
  }
  await page.mouse.up();
}

export async function signVisit(page: Page, labels: SignLabels, name: string): Promise<void> {
  await page.getByRole('button', { name: labels.button }).click();
  const dialog = page.getByRole('dialog', { name: labels.button });
  await dialog.getByLabel(labels.signerName).fill(name);
  const confirm = dialog.getByRole('button', { name: labels.confirm });
  // On a loaded machine a stroke can start while the dialog is still opening and miss the pad; the
  // pad then stays empty and Confirm stays disabled, so draw again — as a user would.
  for (let attempt = 1; ; attempt++) {
    await scribble(page, labels.pad);
    try {
      await expect(confirm).toBeEnabled({ timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
  await confirm.click();
  await expect(dialog).toBeHidden();
}

export const ZH_SIGN = {
  signerName: '签字人姓名',
  pad: '签字板：用鼠标、触摸屏或手写笔在此签名',
  confirm: '确认签字',
} as const;

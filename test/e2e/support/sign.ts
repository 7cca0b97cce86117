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

/** Draws a signature-like zigzag on the pad. */
export async function scribble(page: Page, padLabel: string): Promise<void> {
  const box = await page.getByRole('img', { name: padLabel }).boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
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
  await scribble(page, labels.pad);
  await dialog.getByRole('button', { name: labels.confirm }).click();
  await expect(dialog).toBeHidden();
}

export const ZH_SIGN = {
  signerName: '签字人姓名',
  pad: '签字板：用鼠标、触摸屏或手写笔在此签名',
  confirm: '确认签字',
} as const;

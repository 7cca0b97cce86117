// Closing an issue out as the rules now ask (shared/issues/close-out.ts): from the issue's page, its
// re-inspection visit with an after photo, signed by the inspector and finalized, then "Close out" on
// that visit. Labels for either language.
import { expect, type Page } from '@playwright/test';
import { afterPhotoFile } from './issue-steps';
import { signVisit } from './sign';

export interface ReinspectLabels {
  startReinspection: string;
  draft: string;
  finalized: string;
  signInspector: string;
  signerName: string;
  pad: string;
  confirmSign: string;
  finalize: string;
  closeOut: string;
  remarks: string;
  closed: string;
}

export const ZH_REINSPECT: ReinspectLabels = {
  startReinspection: '开始复查',
  draft: '草稿',
  finalized: '已定稿',
  signInspector: '督查人员签字',
  signerName: '签字人姓名',
  pad: '签字板：用鼠标、触摸屏或手写笔在此签名',
  confirmSign: '确认签字',
  finalize: '确认定稿',
  closeOut: '销号',
  remarks: '复查意见',
  closed: '已销号',
};

export const EN_REINSPECT: ReinspectLabels = {
  startReinspection: 'Start re-inspection',
  draft: 'Draft',
  finalized: 'Finalized',
  signInspector: 'Signature: Inspector',
  signerName: 'Name of signer',
  pad: 'Signature pad: sign here with a mouse, touch screen or pen',
  confirmSign: 'Confirm signature',
  finalize: 'Finalize',
  closeOut: 'Close out',
  remarks: 'Remarks',
  closed: 'Closed',
};

/** Signs the open visit as its inspector and finalizes it. */
export async function signAndFinalize(page: Page, l: ReinspectLabels, inspector: string): Promise<void> {
  await signVisit(
    page,
    { button: l.signInspector, signerName: l.signerName, pad: l.pad, confirm: l.confirmSign },
    inspector,
  );
  await page.getByRole('button', { name: l.finalize }).click();
  await page.getByRole('tooltip').getByRole('button', { name: l.finalize }).click();
  await expect(page.getByTestId('visit-status')).toHaveText(l.finalized);
}

/**
 * From the page of an issue awaiting re-inspection: opens its re-inspection visit, adds an after photo,
 * signs and finalizes the visit, and closes the issue out there. Ends on the re-inspection visit.
 */
export async function closeOutByReinspection(
  page: Page,
  l: ReinspectLabels,
  issueTitle: string,
  {
    inspector,
    photo,
    remarks,
  }: { inspector: string; photo: { name: string; seed: number }; remarks: string },
): Promise<void> {
  await page.getByRole('button', { name: l.startReinspection }).click();
  await expect(page.getByTestId('visit-status')).toHaveText(l.draft);
  const section = page
    .getByTestId('reinspected-issue')
    .filter({ has: page.getByRole('link', { name: issueTitle, exact: true }) });
  await section.getByTestId('after-photos-input').setInputFiles(afterPhotoFile(photo.name, photo.seed));
  await expect(section.getByTestId('photo-intake-added')).toBeVisible({ timeout: 60_000 });
  await signAndFinalize(page, l, inspector);
  await section.getByRole('button', { name: l.closeOut }).click();
  const dialog = page.getByRole('dialog', { name: l.closeOut });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/-(appear|enter)\b/);
  await dialog.getByLabel(l.remarks).fill(remarks);
  await dialog.getByRole('button', { name: l.closeOut }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByTestId('reinspected-status')).toHaveText(l.closed);
}

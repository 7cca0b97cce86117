// Taking an issue through its lifecycle on its page (renderer/features/issues/IssuePage.tsx and
// StepDialog.tsx), as a user does: a step's button opens its dialog, the fields are filled, and the
// dialog closes once the step is recorded. Labels match either language.
import { expect, type Locator, type Page } from '@playwright/test';
import { makeSamplePhoto } from '../../../shared/photos/sample-photo';
import { fillDate } from './antd';

/** Opens a step's dialog and fills who handled it and what the step asks for; returns the dialog. */
export async function step(
  page: Page,
  button: string,
  fill: { actor: string; note?: string; deadline?: string },
): Promise<Locator> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.getByLabel(/经办人|Handled by/).fill(fill.actor);
  if (fill.deadline) await fillDate(dialog.getByLabel(/新的整改时限|New deadline/), fill.deadline);
  if (fill.note) await dialog.getByLabel(/说明|Note/).fill(fill.note);
  return dialog;
}

/** Confirms a step's dialog and waits until the step is recorded (the dialog closes). */
export async function confirm(page: Page, dialog: Locator, label: string): Promise<void> {
  await dialog.getByRole('button', { name: label }).click();
  await expect(dialog).toBeHidden();
}

/** A JPEG taken at re-inspection, for the issue page's photo input (data-testid photo-files-input). */
export function afterPhotoFile(name: string, seed: number) {
  const { bytes } = makeSamplePhoto({
    seed,
    camera: { make: 'HUAWEI', model: 'nova 9' },
    localDateTime: '2026-11-27T10:00:00',
    offset: '+08:00',
    gps: null,
  });
  return { name, mimeType: 'image/jpeg', buffer: Buffer.from(bytes) };
}

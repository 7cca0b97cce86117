// Says in the user's language what happened to a file that could not be added, naming it. An
// unexpected failure's own words are technical: IntakeStatus shows them apart, as details.
import type { TFunction } from 'i18next';
import type { IntakeFailure } from './intake-run';

export function failureMessage(t: TFunction, failure: IntakeFailure): string {
  return failure.kind === 'unexpected'
    ? t('photos.errors.unexpected', { file: failure.label, reason: t('errors.unexpected') })
    : t(`photos.errors.${failure.kind}`, { file: failure.label });
}

/** Per second, one decimal below 10 ("2.4"), whole above ("37"). */
export function formatRate(perSecond: number): string {
  return perSecond < 10 ? perSecond.toFixed(1) : String(Math.round(perSecond));
}

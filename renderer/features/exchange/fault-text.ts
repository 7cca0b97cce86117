// The user's words for what went wrong: host faults (a full stick, a pulled stick…) and bundle
// problems (a bad signature, a changed file…), each with the detail that names the file or figure.
import type { TFunction } from 'i18next';
import type { BundleProblem } from '../../../shared/bundle/verify';
import type { ExchangeFailure } from '../../../shared/contract';
import { formatBytes } from '../../ui/format-bytes';
import type { ReadProblem } from './import/read-bundle';

export function faultText(failure: ExchangeFailure, t: TFunction): string {
  if (failure.fault === 'noSpace') {
    if (failure.needBytes !== undefined && failure.freeBytes !== undefined)
      return t('exchange.faults.noSpace', {
        need: formatBytes(failure.needBytes),
        free: formatBytes(failure.freeBytes),
      });
    return t('exchange.faults.noSpaceUnknown');
  }
  return t(`exchange.faults.${failure.fault}`);
}

/** The fault and, for the curious and for support, the file system's own words. */
export function failureText(failure: ExchangeFailure, t: TFunction): string {
  const detail = failure.detail.trim();
  return faultText(failure, t) + (detail ? t('exchange.failedDetail', { detail }) : '');
}

export function bundleProblemText(problem: BundleProblem, t: TFunction): string {
  const values = problem as unknown as Record<string, unknown>;
  return t(`exchange.problems.${problem.code}`, {
    path: typeof values.path === 'string' ? values.path : '',
    version: typeof values.version === 'number' ? values.version : '',
  });
}

export function readProblemText(problem: ReadProblem, t: TFunction): string {
  switch (problem.kind) {
    case 'bundle':
      return bundleProblemText(problem.problem, t);
    case 'host':
      return failureText(problem.failure, t);
    case 'keyChanged':
      return t('exchange.import.keyChanged', { device: problem.device });
    case 'operations':
      return t('exchange.import.operations', { line: problem.line, detail: problem.detail });
  }
}

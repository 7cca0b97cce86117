// How a file-system error becomes an answer the page can name in the user's language. A full stick, a
// locked one or one pulled out mid-write are expected events on a USB hand-over, so they are faults in
// the reply (see shared/contract/exchange-channels.ts), never exceptions.
import type { ExchangeFailure, ExchangeFault } from '../../../shared/contract';

/** The contract caps a fault's detail; the file system's own words rarely need more. */
const MAX_DETAIL = 2000;

export function failed(
  fault: ExchangeFault,
  detail: string,
  space?: { needBytes: number; freeBytes: number },
): ExchangeFailure {
  const answer: ExchangeFailure = { status: 'failed', fault, detail: detail.slice(0, MAX_DETAIL) };
  if (space) {
    answer.needBytes = space.needBytes;
    answer.freeBytes = space.freeBytes;
  }
  return answer;
}

export const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

const errorText = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  // Node's own messages already start with the code ("ENOSPC: no space left on device, write").
  return code && !message.startsWith(code) ? `${code}: ${message}` : message;
};

/**
 * Codes that mean the target itself went away: a pulled stick gives EIO or ENODEV on Linux, ENXIO on
 * macOS, and the folder vanishes (ENOENT) once the system notices; a FUSE driver that dies answers
 * ENOTCONN; ESHUTDOWN comes from a USB transport torn down under an open file.
 */
const GONE = new Set(['ENOENT', 'ENODEV', 'EIO', 'ENOTCONN', 'ENXIO', 'ESHUTDOWN']);

/**
 * The fault for an error met while writing or reading an exchange folder. `missing` says what ENOENT
 * means at this step: before anything was written it is a folder that is not there (notFound); in the
 * middle of an export it is a target that disappeared (removed).
 */
export function faultOfError(error: unknown, missing: 'notFound' | 'removed' = 'removed'): ExchangeFailure {
  const code = errorCode(error) ?? '';
  const detail = errorText(error);
  if (code === 'ENOENT') return failed(missing, detail);
  if (code === 'ENOSPC' || code === 'EDQUOT') return failed('noSpace', detail);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return failed('readOnly', detail);
  if (GONE.has(code)) return failed('removed', detail);
  if (code === 'EFBIG') return failed('fileTooLarge', detail);
  return failed('io', detail);
}

// The names a bundle may use for its files: relative, forward slashes, nothing that climbs out of the
// folder or means something special to Windows, macOS or Linux. Both the writer and the reader check.

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_BYTES = 255;
/** Names Windows reserves in any folder, with or without an extension. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f<>:"|?*\\]/;

/** Why a path may not appear in a bundle, or null when it may. */
export function bundlePathProblem(path: string): string | null {
  if (path.length === 0) return 'an empty path';
  if (path.length > MAX_PATH_LENGTH) return 'a path longer than 1024 characters';
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) return `an absolute path: ${path.slice(0, 80)}`;
  if (FORBIDDEN_CHARACTERS.test(path)) return `a path with a forbidden character: ${path.slice(0, 80)}`;
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..')
      return `a path that leaves its folder or has an empty part: ${path.slice(0, 80)}`;
    if (new TextEncoder().encode(segment).length > MAX_SEGMENT_BYTES)
      return 'a file name longer than 255 bytes';
    if (segment.endsWith('.') || segment.endsWith(' '))
      return `a name ending in a dot or space: ${segment.slice(0, 80)}`;
    if (WINDOWS_RESERVED.test(segment)) return `a name Windows reserves: ${segment.slice(0, 80)}`;
  }
  return null;
}

export const isSafeBundlePath = (path: string): boolean => bundlePathProblem(path) === null;

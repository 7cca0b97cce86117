// Where the page lives inside Electron: app://ducha/. A custom standard scheme gives the page a real,
// stable origin (IndexedDB, CSP 'self') without a web server and without file:// and its loose rules.
// No import of 'electron' here, so the sender check can be unit-tested in plain Node.
import type { ForcedLanguage } from '../host/language';

export const APP_SCHEME = 'app';
export const APP_HOST = 'ducha';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** True for app://ducha/... and nothing else (no other host, port or user info). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The page's address; a forced language travels in the query so the page picks it before first paint. */
export const pageUrlFor = (forcedLanguage: ForcedLanguage | null): string =>
  `${APP_ORIGIN}/index.html${forcedLanguage === null ? '' : `?lang=${forcedLanguage}`}`;

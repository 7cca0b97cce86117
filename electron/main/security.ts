// What our windows may do beyond showing our page: nothing, unless a line below says why.
// The CSP itself is sent with every page file (see electron/host/csp.ts and app-file-response.ts).
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

export { CONTENT_SECURITY_POLICY } from '../host/csp';

/** Applies to every WebContents ever created, so no window or frame can be forgotten. Call before ready. */
export function hardenAllWebContents(app: App): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents);
  });
}

export function hardenWebContents(contents: WebContents): void {
  // The page never leaves app://ducha: a link or script pointing elsewhere would put a foreign page
  // in a window that has our preload. Reloading our own page (say with ?lang=) stays allowed.
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // No pop-ups: a new window is a page we do not control.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // <webview> would embed arbitrary content with its own preferences.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

// Permissions the page may have. Everything else (camera, microphone, location, notifications,
// clipboard reading, devices...) is refused.
// - persistent-storage: all inspection data lives in IndexedDB; navigator.storage.persist() asks
//   Chromium not to evict it when the disk runs low.
// Later: "media" for taking photos with the webcam, limited to app://ducha when that feature lands.
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['persistent-storage']);

/** Call once the app is ready, for every session our windows use. */
export function applyPermissionPolicy(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission));
  });
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
  // WebHID, WebUSB, Web Serial: the host, not the page, deals with removable drives.
  session.setDevicePermissionHandler(() => false);
}

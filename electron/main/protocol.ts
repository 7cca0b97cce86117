// The app:// scheme that serves the built page (dist/renderer) to our windows.
import { protocol } from 'electron';
import { respondWithAppFile } from './app-file-response';
import { APP_SCHEME } from './app-origin';

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        // A standard scheme has real origins, relative URLs and storage (IndexedDB holds all our data).
        standard: true,
        // A secure context: crypto.subtle (photo hashes) and other secure-only APIs work.
        secure: true,
        supportFetchAPI: true,
        // Vite emits <script type="module" crossorigin>, which Chromium fetches in CORS mode.
        corsEnabled: true,
        codeCache: true,
        // bypassCSP stays off: the page must obey the CSP we send with it.
      },
    },
  ]);
}

/** Call once the app is ready. */
export function serveRendererFiles(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respondWithAppFile(request, rendererDir));
}

// Response headers for the files of the built page, the same from both hosts.
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp';

export function pageHeaders(filePath: string, contentType: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The browser host's address carries the launch token; never send it on to another site.
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Other sites may not embed our scripts or images either.
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  // The HTML names the hashed bundle files; a stale copy would load an old build after an update.
  if (path.extname(filePath).toLowerCase() === '.html') headers['Cache-Control'] = 'no-store';
  // Vite names the bundle files by their content hash, so a file under assets/ never changes: let the
  // browser keep it (and its compiled code) instead of fetching 1.7 MB on every start.
  else if (filePath.split(/[\\/]/).includes('assets'))
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  return headers;
}

// The Content-Security-Policy every page of ours is served with, by both hosts (the app:// protocol in
// Electron and the loopback HTTP server), so the page runs under the same rules wherever it is hosted.
const directives: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // antd's CSS-in-JS writes <style> elements at run time; without 'unsafe-inline' nothing is styled.
  // Scripts stay strict, and inline styles cannot run code.
  ['style-src', "'self' 'unsafe-inline'"],
  // Photos are shown from Blobs held in IndexedDB (blob:) and small thumbnails may be data: URLs.
  ['img-src', "'self' blob: data:"],
  // Image decoding and hashing may run in workers, some built from Blobs.
  ['worker-src', "'self' blob:"],
  // The page talks only to its own host: IPC in Electron, same-origin /api/ in the browser host.
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"],
  ['form-action', "'none'"],
];

export const CONTENT_SECURITY_POLICY: string = directives
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

// Finding a file of the built page (dist/renderer) for a URL path, for both hosts. Anything that could
// step outside the folder is refused before the file system is touched, and checked again after.
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Unknown types go out as opaque bytes; with nosniff the browser will not guess them into a script. */
export const mimeTypeOf = (filePath: string): string =>
  MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';

export type StaticLookup =
  | { readonly kind: 'file'; readonly filePath: string; readonly contentType: string }
  /** The path is malformed or tries to leave the folder. */
  | { readonly kind: 'refused' }
  | { readonly kind: 'notFound' };

/**
 * Maps a URL path (still percent-encoded, without the query) to a file under rootDir.
 * "/" and paths ending in "/" mean that folder's index.html.
 */
export async function findStaticFile(rootDir: string, encodedPath: string): Promise<StaticLookup> {
  const relative = decodeSafePath(encodedPath);
  if (relative === null) return { kind: 'refused' };

  const root = path.resolve(rootDir);
  const wanted = relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative;
  const candidate = path.resolve(root, wanted);
  if (!isInside(root, candidate)) return { kind: 'refused' };

  try {
    const info = await stat(candidate);
    if (!info.isFile()) return { kind: 'notFound' };
    // A symbolic link inside the folder could still point outside it.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)]);
    if (!isInside(realRoot, realFile)) return { kind: 'refused' };
    return { kind: 'file', filePath: realFile, contentType: mimeTypeOf(realFile) };
  } catch {
    return { kind: 'notFound' };
  }
}

/** Decodes "/a/b%20c.js" to "a/b c.js", or null when the path is anything but plain segments. */
function decodeSafePath(encodedPath: string): string | null {
  if (!encodedPath.startsWith('/')) return null;
  // Encoded separators would let "..%2f" slip past a segment check; no file of ours needs them.
  if (/%2f|%5c/i.test(encodedPath) || encodedPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath.slice(1));
  } catch {
    return null;
  }
  const segments = decoded.split('/');
  const unsafe = segments.some(
    // ":" would name a drive or an alternate data stream on Windows; NUL truncates paths in C code.
    (segment) => segment === '..' || segment === '.' || segment.includes(':') || segment.includes('\0'),
  );
  return unsafe ? null : decoded;
}

const isInside = (root: string, candidate: string): boolean => candidate.startsWith(root + path.sep);

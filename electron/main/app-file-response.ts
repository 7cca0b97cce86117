// Answers one app://ducha/ request with a file of the built page, using the web's Request and Response
// (what protocol.handle speaks). No import of 'electron', so it is tested in plain Node.
import { readFile } from 'node:fs/promises';
import { pageHeaders } from '../host/page-headers';
import { findStaticFile } from '../host/static-files';
import { APP_HOST } from './app-origin';

const plain = (status: number, text: string): Response =>
  new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  });

export async function respondWithAppFile(request: Request, rendererDir: string): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST) return plain(404, 'Not found.');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed.');

  const found = await findStaticFile(rendererDir, url.pathname);
  if (found.kind === 'refused') return plain(400, 'This path is not allowed.');
  if (found.kind === 'notFound') return plain(404, 'Not found.');

  const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(found.filePath));
  return new Response(body, { status: 200, headers: pageHeaders(found.filePath, found.contentType) });
}

// GET/HEAD of the built page's files, with the same headers (CSP and friends) as Electron's app:// scheme.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageHeaders } from '../host/page-headers';
import { findStaticFile } from '../host/static-files';
import { sendText } from './http-reply';

export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  rootDir: string,
  encodedPath: string,
): Promise<void> {
  const found = await findStaticFile(rootDir, encodedPath);
  if (found.kind === 'refused') {
    sendText(response, 400, 'This path is not allowed.');
    return;
  }
  if (found.kind === 'notFound') {
    sendText(response, 404, 'Not found.');
    return;
  }
  const body = await readFile(found.filePath);
  response.writeHead(200, {
    ...pageHeaders(found.filePath, found.contentType),
    'Content-Length': String(body.length),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

// JSON replies of the browser host. Every API answer, error or not, is a HostResult body.
import type { ServerResponse } from 'node:http';
import { BINARY_FIELDS_HEADER, type HostErrorCode, type HostResult } from '../../shared/contract';

/** The HTTP status for an error code; the body says the same thing in a form the page can show. */
export const STATUS_OF_ERROR: Readonly<Record<HostErrorCode, number>> = {
  badRequest: 400,
  forbidden: 403,
  unknownChannel: 404,
  failed: 500,
};

export function sendJson(
  response: ServerResponse,
  status: number,
  body: HostResult<unknown>,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extraHeaders,
  });
  response.end(text);
}

/**
 * A binary channel's reply: the bytes as the body, the other fields as URI-encoded JSON in a header
 * (see shared/contract/channel.ts). Errors and failures still go back as JSON.
 */
export function sendBytes(response: ServerResponse, fields: unknown, bytes: Uint8Array): void {
  if (response.headersSent) return;
  response.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': String(bytes.byteLength),
    [BINARY_FIELDS_HEADER]: encodeURIComponent(JSON.stringify(fields)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  response.end(bytes);
}

export function sendError(
  response: ServerResponse,
  code: HostErrorCode,
  message: string,
  options: { readonly status?: number; readonly headers?: Readonly<Record<string, string>> } = {},
): void {
  sendJson(
    response,
    options.status ?? STATUS_OF_ERROR[code],
    { ok: false, error: { code, message } },
    options.headers,
  );
}

/** Plain-text answers for the static side (a missing file), where a browser shows the body as is. */
export function sendText(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return;
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  response.end(text);
}

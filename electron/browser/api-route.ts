// POST /api/<channel>: a JSON body in, a HostResult out, through the same dispatch as Electron's IPC.
// The caller has already checked Host, Origin and the token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BINARY_FIELDS_HEADER,
  type ChannelName,
  type HostContext,
  type HostHandlers,
  hostContract,
  isChannelName,
  MAX_PRINT_HTML_LENGTH,
} from '../../shared/contract';
import { CHUNK_MAX_BYTES } from '../../shared/sync/protocol';
import { dispatch, errorMessage } from '../../shared/contract/dispatch';
import { STATUS_OF_ERROR, sendBytes, sendError, sendJson } from './http-reply';
import { type BodyRead, readBody } from './read-body';
import { spareBuffers } from '../host/spare-buffers';

export const API_PREFIX = '/api/';

/**
 * Channels whose requests are large by nature: a document to print carries its photos inline (a
 * bulletin with hundreds of them is tens of megabytes). Every other channel keeps the route's limit.
 */
const BODY_LIMIT_OF_CHANNEL: Partial<Record<ChannelName, number>> = {
  printPdf: MAX_PRINT_HTML_LENGTH + 1024 * 1024,
  /** One piece of an export file (the page sends at most 8 MiB at a time, PIECE_BYTES). */
  exportWrite: 64 * 1024 * 1024,
  /** A push of up to 1 MiB of operations, wrapped in the relay's request. */
  syncCall: 2 * 1024 * 1024,
  /** One chunk of a photo going up (its fields travel in a header). */
  syncUpload: CHUNK_MAX_BYTES,
};

/**
 * Channels whose handler has written or sent the request's bytes by the time it answers and keeps no
 * reference to them: their bodies are read into a buffer lent for the call (an export's pieces, a
 * gigabyte of them, would otherwise each be gathered and copied into fresh memory).
 */
const LENDS_BODY_BUFFER: ReadonlySet<ChannelName> = new Set(['exportWrite']);

export interface ApiRoute {
  readonly handlers: HostHandlers;
  readonly context: HostContext;
  readonly bodyLimitBytes: number;
  /**
   * For a channel whose bytes are the body (its other fields in a header): the answer to give from
   * the fields alone, before a byte of the body is read — a write to an export that does not exist —
   * or null to read the body and dispatch as usual.
   */
  readonly beforeBody?: (channel: ChannelName, fields: Readonly<Record<string, unknown>>) => unknown;
}

export async function handleApiCall(
  request: IncomingMessage,
  response: ServerResponse,
  channel: string,
  route: ApiRoute,
): Promise<void> {
  if (!isChannelName(channel)) {
    sendError(response, 'unknownChannel', `no such channel: ${channel.slice(0, 80)}`);
    return;
  }
  // A binary channel's fields come in a header: read (and checked) before a byte of the body.
  const fields = hostContract[channel].binary === 'request' ? binaryFields(request) : null;
  if (fields !== null && !fields.ok) {
    sendError(response, 'badRequest', fields.message);
    return;
  }
  if (fields !== null && route.beforeBody) {
    const early = route.beforeBody(channel, fields.value);
    if (early !== null && early !== undefined) {
      // The body is never read: closing the connection stops the client from sending the rest.
      sendJson(response, 200, { ok: true, value: early }, { Connection: 'close' });
      return;
    }
  }
  const limit = BODY_LIMIT_OF_CHANNEL[channel] ?? route.bodyLimitBytes;
  const body = await readBody(request, limit, LENDS_BODY_BUFFER.has(channel) ? spareBuffers : undefined);
  if (body.kind === 'aborted') return;
  if (body.kind === 'tooLarge') {
    // Closing the connection stops the client from sending the rest of an oversized body.
    sendError(response, 'badRequest', `the request body is larger than ${String(limit)} bytes`, {
      status: 413,
      headers: { Connection: 'close' },
    });
    return;
  }
  const payload: Payload =
    fields !== null ? { ok: true, value: { ...fields.value, bytes: body.bytes } } : jsonPayload(body);
  if (!payload.ok) {
    body.release();
    sendError(response, 'badRequest', payload.message);
    return;
  }
  let result;
  try {
    result = await dispatch(route.handlers, channel, payload.value, route.context);
  } finally {
    body.release();
  }
  if (result.ok && hostContract[channel].binary === 'response') {
    const { bytes, ...fields } = result.value as { bytes?: unknown };
    if (bytes instanceof Uint8Array) {
      sendBytes(response, fields, bytes);
      return;
    }
  }
  sendJson(response, result.ok ? 200 : STATUS_OF_ERROR[result.error.code], result);
}

type Payload = { ok: true; value: unknown } | { ok: false; message: string };
type ReadBody = Extract<BodyRead, { kind: 'ok' }>;

function jsonPayload(body: ReadBody): Payload {
  const text = body.text;
  if (text.trim() === '')
    return { ok: false, message: 'the request body is empty; send the request as JSON, for example {}' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: `the request body is not valid JSON (${errorMessage(error)})` };
  }
}

/** A binary channel's fields, from their header (the body is the bytes). */
function binaryFields(
  request: IncomingMessage,
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const header = request.headers[BINARY_FIELDS_HEADER.toLowerCase()];
  if (typeof header !== 'string')
    return { ok: false, message: `a binary request needs its fields in the ${BINARY_FIELDS_HEADER} header` };
  try {
    const fields = JSON.parse(decodeURIComponent(header)) as unknown;
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
      return { ok: false, message: `the ${BINARY_FIELDS_HEADER} header is not a JSON object` };
    return { ok: true, value: fields as Record<string, unknown> };
  } catch (error) {
    return { ok: false, message: `the ${BINARY_FIELDS_HEADER} header is not JSON (${errorMessage(error)})` };
  }
}

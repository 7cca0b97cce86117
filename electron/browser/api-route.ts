// POST /api/<channel>: a JSON body in, a HostResult out, through the same dispatch as Electron's IPC.
// The caller has already checked Host, Origin and the token.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type ChannelName,
  type HostContext,
  type HostHandlers,
  isChannelName,
  MAX_PRINT_HTML_LENGTH,
} from '../../shared/contract';
import { dispatch, errorMessage } from '../../shared/contract/dispatch';
import { STATUS_OF_ERROR, sendError, sendJson } from './http-reply';
import { readBody } from './read-body';

export const API_PREFIX = '/api/';

/**
 * Channels whose requests are large by nature: a document to print carries its photos inline (a
 * bulletin with hundreds of them is tens of megabytes). Every other channel keeps the route's limit.
 */
const BODY_LIMIT_OF_CHANNEL: Partial<Record<ChannelName, number>> = {
  printPdf: MAX_PRINT_HTML_LENGTH + 1024 * 1024,
};

export interface ApiRoute {
  readonly handlers: HostHandlers;
  readonly context: HostContext;
  readonly bodyLimitBytes: number;
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
  const limit = BODY_LIMIT_OF_CHANNEL[channel] ?? route.bodyLimitBytes;
  const body = await readBody(request, limit);
  if (body.kind === 'aborted') return;
  if (body.kind === 'tooLarge') {
    // Closing the connection stops the client from sending the rest of an oversized body.
    sendError(response, 'badRequest', `the request body is larger than ${String(limit)} bytes`, {
      status: 413,
      headers: { Connection: 'close' },
    });
    return;
  }
  if (body.text.trim() === '') {
    sendError(response, 'badRequest', 'the request body is empty; send the request as JSON, for example {}');
    return;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.text);
  } catch (error) {
    sendError(response, 'badRequest', `the request body is not valid JSON (${errorMessage(error)})`);
    return;
  }
  const result = await dispatch(route.handlers, channel, payload, route.context);
  sendJson(response, result.ok ? 200 : STATUS_OF_ERROR[result.error.code], result);
}

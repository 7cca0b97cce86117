// Which requests the browser host answers and in what order it checks them: Host first (every request),
// then for the API the method, Origin and token, before a single byte of the body is read.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_PREFIX, type ApiRoute, handleApiCall } from './api-route';
import { sendError, sendText } from './http-reply';
import { canonicalOrigin } from './canonical-origin';
import { LAUNCH_PREFIX, type LaunchCodes, tokenCookie } from './launch-code';
import { checkApiCaller, checkHost } from './request-guard';
import { serveStatic } from './static-route';

export interface RouterSettings {
  /** The port we listen on; only known after listening when port 0 was asked for. */
  readonly port: () => number;
  readonly token: string;
  /** The one-time launch addresses' codes (launch-code.ts). */
  readonly launchCodes: LaunchCodes;
  readonly rendererDir: string;
  readonly api: ApiRoute;
}

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

export function createRouter(settings: RouterSettings): RequestHandler {
  return async (request, response) => {
    const port = settings.port();
    const hostRefusal = checkHost(request.headers, port);
    const target = request.url ?? '';
    if (
      hostRefusal === 'redirect' &&
      (request.method === 'GET' || request.method === 'HEAD') &&
      target.startsWith('/') &&
      !target.startsWith(API_PREFIX)
    ) {
      // The same page at the one address the data is kept for (IndexedDB belongs to the origin).
      response.writeHead(308, { Location: `${canonicalOrigin(port)}${target}`, 'Cache-Control': 'no-store' });
      response.end();
      return;
    }
    if (hostRefusal !== null) {
      sendError(
        response,
        'forbidden',
        hostRefusal === 'redirect'
          ? `open Ducha at ${canonicalOrigin(port)}/, where its data is kept`
          : hostRefusal.refusal,
      );
      return;
    }
    // Only origin-form targets ("/path?query"); a proxy-style absolute URL is not for us.
    if (!target.startsWith('/')) {
      sendText(response, 400, 'Bad request.');
      return;
    }
    const encodedPath = target.split(/[?#]/, 1)[0] ?? '/';

    if (encodedPath.startsWith(LAUNCH_PREFIX)) {
      // A one-time address: its code becomes the token's cookie once, and the page opens without it.
      if (request.method !== 'GET' || !settings.launchCodes.redeem(encodedPath.slice(LAUNCH_PREFIX.length))) {
        sendText(
          response,
          403,
          // Before the page (and its language) is there: both languages, Chinese first.
          '此启动地址已用过或已过期，请打开督查启动时显示的地址。\n' +
            'This launch address has been used or has expired. Open the address Ducha printed when it started.',
        );
        return;
      }
      response.writeHead(303, {
        Location: '/',
        'Set-Cookie': tokenCookie(settings.token),
        'Cache-Control': 'no-store',
        'Referrer-Policy': 'no-referrer',
      });
      response.end();
      return;
    }

    if (encodedPath.startsWith(API_PREFIX)) {
      if (request.method !== 'POST') {
        sendError(response, 'badRequest', 'API calls use POST', { status: 405, headers: { Allow: 'POST' } });
        return;
      }
      const callerRefusal = checkApiCaller(request.headers, port, settings.token);
      if (callerRefusal !== null) {
        sendError(response, 'forbidden', callerRefusal);
        return;
      }
      await handleApiCall(request, response, encodedPath.slice(API_PREFIX.length), settings.api);
      return;
    }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method not allowed.');
      return;
    }
    await serveStatic(request, response, settings.rendererDir, encodedPath);
  };
}

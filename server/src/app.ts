// The server as a Fastify instance with every route, wired in one place: the session check before any
// body is read, the policy table behind it, JSON errors in one shape, and logs without secrets.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { FailureLimiter } from './auth/rate-limit';
import { SessionBook } from './auth/sessions';
import { authRoutes } from './http/auth-routes';
import type { BlobStore } from './blobs/blob-store';
import { blobRoutes } from './http/blob-routes';
import type { ServerContext } from './http/context';
import { deviceRoutes } from './http/device-routes';
import { ApiError, errorHandler, sendApiError } from './http/errors';
import { healthRoutes } from './http/health-routes';
import { noticeNumberRoutes } from './http/notice-number-routes';
import { peopleRoutes } from './http/people-routes';
import { pullRoutes } from './http/pull-routes';
import { pushRoutes } from './http/push-routes';
import { sessionHook } from './http/session-hook';
import { setupRoutes } from './http/setup-routes';
import { teamRoutes } from './http/team-routes';
import type { Store } from './store/store';
import { startSweeps } from './sweeps';
import { TeamNotifier } from './sync/team-notifier';

/** A push of 1 MiB (PUSH_MAX_BYTES) plus room for JSON's own overhead; the chunk route raises its own. */
export const BODY_LIMIT = Math.round(1.1 * 1024 * 1024);

export interface ServerOptions {
  readonly store: Store;
  /** The server's clock in ms (tests move it); Date.now by default. */
  readonly now?: () => number;
  /** Fastify's logger: false in tests, true (or pino options) when running. */
  readonly logger?: boolean | Exclude<FastifyServerOptions['logger'], boolean | undefined>;
  /** Certificate and key (PEM) to serve HTTPS directly instead of behind the city's reverse proxy. */
  readonly https?: { readonly cert: string | Buffer; readonly key: string | Buffer };
  /** Behind a reverse proxy: trust its X-Forwarded-For (true, or its addresses), so rate limits see the laptop. */
  readonly trustProxy?: boolean | string;
  /** Where photos live; without it the photo routes are not served (tests of other routes). */
  readonly blobs?: BlobStore;
  /** The oldest app version laptops may sync with (GET /health says it); any when absent. */
  readonly minAppVersion?: string;
}

/** Never logged: the session token travels in this header (bodies are never logged at all). */
const REDACT = ['req.headers.authorization', 'req.headers.cookie'];

function loggerOption(logger: ServerOptions['logger']): FastifyServerOptions['logger'] {
  if (!logger) return false;
  const base = logger === true ? {} : logger;
  return { ...base, redact: { paths: REDACT, censor: '[redacted]' } };
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const now = options.now ?? Date.now;
  const app = Fastify({
    logger: loggerOption(options.logger),
    genReqId: () => randomUUID(),
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    ...(options.https ? { https: { cert: options.https.cert, key: options.https.key } } : {}),
  }) as unknown as FastifyInstance;

  const ctx: ServerContext = {
    minAppVersion: options.minAppVersion,
    store: options.store,
    sessions: new SessionBook(now),
    signInFailures: new FailureLimiter(),
    codeFailures: new FailureLimiter(),
    notifier: new TeamNotifier(),
    now,
  };

  app.decorateRequest('caller', null);
  app.addHook('onRequest', sessionHook(ctx));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendApiError(
      reply,
      new ApiError('notFound', `no route ${request.method} ${request.url.split('?')[0] ?? ''}`),
    ),
  );
  // Long polls end at once when the server closes, so shutdown does not wait for them; and every reply
  // from then on closes its connection, or a keep-alive socket (Fastify keeps them 72 s) holds close().
  let closing = false;
  app.addHook('preClose', (done) => {
    closing = true;
    ctx.notifier.close();
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) void reply.header('connection', 'close');
    done(null, payload);
  });

  for (const routes of [
    healthRoutes,
    setupRoutes,
    deviceRoutes,
    authRoutes,
    teamRoutes,
    peopleRoutes,
    pushRoutes,
    pullRoutes,
    noticeNumberRoutes,
  ]) {
    routes(app, ctx);
  }
  if (options.blobs) {
    // Who may call the photo routes: the session hook applies their lines of the policy table.
    await app.register(blobRoutes, { blobs: options.blobs, store: options.store });
  }
  // What would pile up is cleared at start and then periodically, until the server closes.
  const sweeps = await startSweeps({
    store: options.store,
    ...(options.blobs ? { blobs: options.blobs } : {}),
    now,
    log: app.log,
  });
  app.addHook('onClose', () => sweeps.stop());
  await app.ready();
  return app;
}

// Every refusal the server gives, in the protocol's ErrorReply shape with a stable code: the laptop
// maps the code to words in the person's language; the message is English, for logs and curl.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ErrorReply } from '../../../shared/sync/protocol';

export const ERROR_CODES = {
  malformed: 400,
  unauthenticated: 401,
  sessionExpired: 401,
  badSignature: 401,
  badChallenge: 401,
  badCredentials: 401,
  forbidden: 403,
  otherTeam: 403,
  deviceRevoked: 403,
  personDisabled: 403,
  codeInvalid: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  unsupportedMediaType: 415,
  rateLimited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

type Issue = { path: string; message: string };

/** Thrown by a route (or a hook) to refuse: the error handler sends it as an ErrorReply. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: readonly Issue[],
    /** Seconds, for 429 (Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.statusCode = ERROR_CODES[code];
  }
}

export function errorReply(code: ErrorCode, message: string, issues?: readonly Issue[]): ErrorReply {
  return { error: { code, message, ...(issues ? { issues: [...issues] } : {}) } };
}

export function sendApiError(reply: FastifyReply, error: ApiError): FastifyReply {
  if (error.retryAfter !== undefined) void reply.header('retry-after', String(error.retryAfter));
  return reply.code(error.statusCode).send(errorReply(error.code, error.message, error.issues));
}

/** zod's issues as the ErrorReply's list: a dotted path ("operations.3.hlc") and what is wrong there. */
export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** The parsed value, or an ApiError `malformed` listing what is wrong where. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError('malformed', `the ${what} is malformed`, issuesOf(result.error));
}

/** Fastify's own refusals (a body that is not JSON, too large, of another type) in our shape. */
export function errorHandler(error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof ApiError) return sendApiError(reply, error);
  const status = error.statusCode ?? 500;
  if (status === 413) {
    return sendApiError(reply, new ApiError('tooLarge', 'the request body is larger than this route takes'));
  }
  if (status === 415) {
    return sendApiError(reply, new ApiError('unsupportedMediaType', 'send the body as application/json'));
  }
  if (status >= 400 && status < 500) {
    // A body that is not JSON, an empty JSON body, a __proto__ key, a bad Content-Length.
    return sendApiError(reply, new ApiError('malformed', error.message));
  }
  request.log.error({ err: error }, 'request failed');
  return sendApiError(reply, new ApiError('internal', 'the server failed; the request may be retried'));
}

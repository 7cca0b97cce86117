// Routes are declared by their policy entry: the method and URL come from auth/policy.ts, so a route
// cannot exist without a line in the one table that says who may call it.
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { POLICY, type EndpointId } from '../auth/policy';
import { ApiError } from './errors';
import type { Caller } from './caller';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route's entry in POLICY; the session check refuses a route without one. */
    endpoint?: EndpointId;
  }
}

export type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export function addRoute(
  app: FastifyInstance,
  endpoint: EndpointId,
  handler: Handler,
  options: Pick<RouteShorthandOptions, 'bodyLimit'> = {},
): void {
  const { method, url } = POLICY[endpoint];
  app.route({ method, url, config: { endpoint }, handler, ...options });
}

/** The caller the session check set; routes that need one call this (it is there by then). */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new ApiError('unauthenticated', 'this route needs a session');
  return request.caller;
}

/** A path parameter, as a string (Fastify types params as unknown). */
export function param(request: FastifyRequest, name: string): string {
  const value = (request.params as Record<string, unknown>)[name];
  if (typeof value !== 'string') throw new ApiError('malformed', `the path lacks ${name}`);
  return value;
}

// Every host reply is either a value or an error a user can be shown; the host never just throws.
import { z } from 'zod';

export const HOST_ERROR_CODES = [
  'badRequest', // the payload did not match the channel's schema
  'unknownChannel',
  'forbidden', // wrong sender, token, Host or Origin
  'failed', // the handler ran and could not do it
] as const;
export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

export const HostErrorSchema = z.object({
  code: z.enum(HOST_ERROR_CODES),
  message: z.string(),
});
export type HostErrorBody = z.infer<typeof HostErrorSchema>;

export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostErrorBody };

export const hostResultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: HostErrorSchema }),
  ]);

/** Thrown on the page side when the host answers with an error or a reply that breaks the contract. */
export class HostError extends Error {
  override name = 'HostError';
  constructor(
    readonly code: HostErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Describes why a zod check failed in one short line, for error replies and logs. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`)
    .join('; ');
}

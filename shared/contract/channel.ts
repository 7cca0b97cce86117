import { z } from 'zod';

/**
 * Which side of a channel carries raw bytes in a `bytes` field. IPC moves a Uint8Array as it is; the
 * browser host sends it as the HTTP body, with the rest of the message as JSON in a header, so files
 * never pass through base64.
 */
export type BinarySide = 'request' | 'response';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  readonly binary?: BinarySide;
}

export const defineChannel = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  binary?: BinarySide,
): ChannelSpec<Req, Res> => (binary ? { request, response, binary } : { request, response });

/** Raw bytes in a message (a Node Buffer is one too). */
export const BytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'not bytes');

/** The header that carries a binary message's other fields, as URI-encoded JSON. */
export const BINARY_FIELDS_HEADER = 'X-Ducha-Fields';

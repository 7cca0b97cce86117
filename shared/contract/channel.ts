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

/**
 * Raw bytes in a message: a Uint8Array (a Node Buffer is one too) or, in the page, a Blob. The browser
 * host sends a Blob as the HTTP body and hands a binary reply to the page as one, so a photo goes from
 * IndexedDB to the stick, or from the stick into IndexedDB, without being copied into JavaScript
 * memory; the desktop app's IPC carries a Uint8Array (the page's client turns a Blob into one).
 */
export type Bytes = Uint8Array | Blob;
export const BytesSchema = z.custom<Bytes>(
  (value) => value instanceof Uint8Array || (typeof Blob !== 'undefined' && value instanceof Blob),
  'not bytes',
);

/** The bytes as a Uint8Array, wherever they came from. */
export const bytesOf = async (bytes: Bytes): Promise<Uint8Array> =>
  bytes instanceof Uint8Array ? bytes : new Uint8Array(await bytes.arrayBuffer());

/** The bytes as a Blob, wherever they came from. */
export const blobOf = (bytes: Bytes, type = ''): Blob =>
  bytes instanceof Blob ? bytes : new Blob([bytes as Uint8Array<ArrayBuffer>], { type });

/** The header that carries a binary message's other fields, as URI-encoded JSON. */
export const BINARY_FIELDS_HEADER = 'X-Ducha-Fields';

// The page's side of the host contract. In the desktop app the preload's bridge carries the calls;
// in the browser host, fetch to the loopback server with the launch token. Replies are checked
// against the contract either way, so a host that breaks it is caught here, not deep in a feature.
import type { DuchaBridge } from '../../shared/contract/bridge';
import {
  BINARY_FIELDS_HEADER,
  type Bytes,
  bytesOf,
  CHANNEL_NAMES,
  type ChannelName,
  type HostApi,
  type HostKind,
  HostError,
  hostContract,
  hostResultSchema,
  httpPathOf,
  type ResponseOf,
} from '../../shared/contract';
import { describeIssues } from '../../shared/contract/result';

declare global {
  interface Window {
    ducha?: DuchaBridge;
  }
}

const TOKEN_KEY = 'ducha.token';

/** Takes the launch token from the URL once, keeps it for this tab, and removes it from the address bar. */
function browserHostToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

type Transport = (channel: ChannelName, request: unknown) => Promise<unknown>;

function electronTransport(bridge: DuchaBridge): Transport {
  return async (channel, request) => {
    // IPC carries a Uint8Array as it is, but no Blob: a binary request's Blob goes over as its bytes.
    if (hostContract[channel].binary === 'request') {
      const { bytes, ...fields } = request as { bytes: Bytes };
      return bridge[channel]({ ...fields, bytes: await bytesOf(bytes) });
    }
    return bridge[channel](request);
  };
}

/**
 * Calls to the browser host: with the token in a header when the page was opened at the printed
 * address (?token=…), else with the HttpOnly cookie the one-time launch address set, which the browser
 * sends by itself (the host refuses a call with neither, and says to open the printed address).
 */
function browserTransport(token: string | null): Transport {
  return async (channel, request) => {
    const binary = hostContract[channel].binary;
    const response = await fetch(httpPathOf(channel), {
      method: 'POST',
      ...(binary === 'request'
        ? binaryRequest(token, request as { bytes: Blob | Uint8Array<ArrayBuffer> })
        : {
            headers: { 'Content-Type': 'application/json', ...tokenHeader(token) },
            body: JSON.stringify(request),
          }),
    });
    if (binary === 'response' && response.headers.get('Content-Type') === 'application/octet-stream')
      return binaryReply(response);
    return response.json() as Promise<unknown>;
  };
}

/**
 * The bytes as the body and the other fields in a header: files never pass through JSON or base64,
 * and a Blob (a photo read from IndexedDB) is streamed by the browser without a copy in the page.
 */
const tokenHeader = (token: string | null): Record<string, string> =>
  token === null ? {} : { 'X-Ducha-Token': token };

function binaryRequest(
  token: string | null,
  request: { bytes: Blob | Uint8Array<ArrayBuffer> },
): RequestInit {
  const { bytes, ...fields } = request;
  return {
    headers: {
      'Content-Type': 'application/octet-stream',
      ...tokenHeader(token),
      [BINARY_FIELDS_HEADER]: encodeURIComponent(JSON.stringify(fields)),
    },
    body: bytes,
  };
}

async function binaryReply(response: Response): Promise<unknown> {
  const fields = JSON.parse(decodeURIComponent(response.headers.get(BINARY_FIELDS_HEADER) ?? '{}')) as object;
  // A Blob: the browser keeps large replies out of the page's memory until they are read, and
  // IndexedDB stores one as it is.
  return { ok: true, value: { ...fields, bytes: await response.blob() } };
}

function unwrap<C extends ChannelName>(channel: C, reply: unknown): ResponseOf<C> {
  const parsed = hostResultSchema(hostContract[channel].response).safeParse(reply);
  if (!parsed.success)
    throw new HostError(
      'failed',
      `the host broke the contract on ${channel}: ${describeIssues(parsed.error)}`,
    );
  if (!parsed.data.ok) throw new HostError(parsed.data.error.code, parsed.data.error.message);
  return parsed.data.value as ResponseOf<C>;
}

export interface HostClient {
  readonly kind: HostKind;
  readonly api: HostApi;
}

export function connectHost(): HostClient {
  const bridge = window.ducha;
  const kind: HostKind = bridge ? 'electron' : 'browser';
  const transport = bridge ? electronTransport(bridge) : browserTransport(browserHostToken());
  const api = Object.fromEntries(
    CHANNEL_NAMES.map((channel) => [
      channel,
      async (request: unknown) => {
        const checked = hostContract[channel].request.safeParse(request);
        if (!checked.success) throw new HostError('badRequest', describeIssues(checked.error));
        return unwrap(channel, await transport(channel, checked.data));
      },
    ]),
  ) as unknown as HostApi;
  return { kind, api };
}

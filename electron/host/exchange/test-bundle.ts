// Helpers for the exchange tests: a manifest that passes ManifestSchema, and a whole export written
// through the handlers the way the page writes one (pieces in order, the last one final).
import { createHash } from 'node:crypto';
import type { HostHandlers, ResponseOf } from '../../../shared/contract';
import { dispatch } from '../../../shared/contract/dispatch';
import { createExchangeHandlers, type ExchangeHandlers, type ExchangeOptions } from './exchange-handlers';
import type { ExportHandlers } from './export-writer';

const NODE = '0123456789abcdef';
const CONTEXT = { dataDir: '/nonexistent' };

export const sha256Of = (bytes: Uint8Array | string): string =>
  createHash('sha256').update(bytes).digest('hex');

export interface BundleFile {
  readonly path: string;
  readonly sha256: string;
  readonly size: number;
}

export const describeFile = (path: string, bytes: Uint8Array): BundleFile => ({
  path,
  sha256: sha256Of(bytes),
  size: bytes.byteLength,
});

/** A manifest listing `files`; its signature is well-formed but signs nothing (the host never checks it). */
export function manifestFor(files: readonly BundleFile[]): string {
  const clock = `${'1767225600000'.padStart(15, '0')}-000000-${NODE}`;
  return JSON.stringify({
    format: 'ducha-bundle',
    formatVersion: 1,
    createdAt: '2026-03-01T08:00:00.000Z',
    app: 'Ducha 0.1.0',
    source: { node: NODE, name: '督查一组-笔记本2', publicKey: `${'A'.repeat(43)}=` },
    team: null,
    kind: 'full',
    recipient: null,
    since: null,
    knowledge: { [NODE]: clock },
    clockRange: null,
    operations: { path: 'bundle/operations.ndjson', count: 0 },
    files: files.map((file) => ({ ...file, role: 'other' })),
    signature: { algorithm: 'Ed25519', value: `${'A'.repeat(86)}==` },
  });
}

/** Writes each file in pieces of `pieceBytes`; returns the last answer (a failure stops it). */
export async function writeFiles(
  writer: ExportHandlers,
  sessionId: string,
  files: ReadonlyMap<string, Uint8Array>,
  pieceBytes = 64 * 1024,
): Promise<ResponseOf<'exportWrite'> | null> {
  let last: ResponseOf<'exportWrite'> | null = null;
  for (const [path, bytes] of files) {
    let offset = 0;
    do {
      const piece = bytes.subarray(offset, offset + pieceBytes);
      const final = offset + piece.byteLength >= bytes.byteLength;
      last = await writer.exportWrite({ sessionId, path, offset, final, bytes: piece }, CONTEXT);
      if (last.status === 'failed') return last;
      offset += piece.byteLength;
    } while (offset < bytes.byteLength);
  }
  return last;
}

export { CONTEXT as TEST_CONTEXT };

/**
 * A channel called through dispatch as either host calls it, its reply checked against the contract;
 * a refused request throws with the refusal's words.
 */
export async function callChannel(
  handlers: HostHandlers,
  channel: string,
  payload: unknown,
): Promise<unknown> {
  const result = await dispatch(handlers, channel, payload, CONTEXT);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A drive lister that finds no tool: the tests name their folders themselves. */
const noDriveLister = () =>
  Promise.reject(Object.assign(new Error('spawn lsblk ENOENT'), { code: 'ENOENT' }));

/**
 * The exchange channels as the browser host serves them (no system dialog, no drives), and a grant
 * for a folder the test names, as "Use this folder" in the in-app chooser gets one.
 */
export function grantingHost(options: ExchangeOptions = {}): {
  handlers: ExchangeHandlers;
  grant: (folder: string) => Promise<string>;
} {
  const handlers = createExchangeHandlers({ platform: 'linux', runCommand: noDriveLister, ...options });
  const grant = async (folder: string) => {
    const reply = await handlers.exchangeGrant({ path: folder }, CONTEXT);
    if (reply.status !== 'granted') throw new Error(`${folder} not granted: ${reply.detail}`);
    return reply.grant;
  };
  return { handlers, grant };
}

// A laptop as the protocol describes it, written from shared/sync/protocol.ts alone, for the fault runs
// and the benchmarks: a device key, a person signed in, every operation it holds merged with the
// shared merge, an outbox that loses an operation only on the server's acknowledgement, a cursor that
// only moves forward, and USB hand-over to another simulated laptop (operations relayed).
import { encodeSnapshotAfter } from '../../../shared/sync/snapshot-key';
import { createHash, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { knowledgeOfOperations, operationsBeyond } from '../../../shared/bundle/knowledge';
import type { Knowledge } from '../../../shared/bundle/manifest';
import { canonicalJson, type Json } from '../../../shared/sync/canonical-json';
import {
  compareHlc,
  decodeHlc,
  encodeHlc,
  type Hlc,
  newNodeId,
  tickHlc,
  zeroHlc,
} from '../../../shared/sync/hlc';
import { mergeOperations, rowKey, type SyncedRow } from '../../../shared/sync/merge';
import type { Operation } from '../../../shared/sync/operation';
import {
  ChallengeReplySchema,
  type Cursor,
  EnrollReplySchema,
  ErrorReplySchema,
  KnowledgeReplySchema,
  PULL_MAX_OPERATIONS,
  PullReplySchema,
  PushReplySchema,
  SessionReplySchema,
  sessionProof,
  SignInReplySchema,
  SnapshotReplySchema,
} from '../../../shared/sync/protocol';
import type { SyncedTable } from '../../../shared/sync/tables';

/** A refusal the server answered with: its HTTP status and error code. */
export class ServerRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${String(status)} ${code}: ${message}`);
  }
}

export const identityOf = (op: Operation): string =>
  `${op.table}\u0000${op.rowId}\u0000${op.field}\u0000${op.hlc}`;

export interface ClientOptions {
  readonly name: string;
  /** Where requests go (the server, or a fault proxy in front of it); asked anew for every request. */
  readonly baseUrl: () => string;
  /** This laptop's clock error: its idea of now is the real time plus this (days, in the fault runs). */
  readonly clockOffsetMs?: number;
  readonly pushBatch?: number;
  /**
   * Pushes in flight at once (default 1). With 2 the laptop prepares and sends the next batch while the
   * server stores the previous one, as a sync engine on a long link would; fates still come per batch.
   */
  readonly pushesInFlight?: number;
  readonly fetchTimeoutMs?: number;
}

export class ReferenceLaptop {
  readonly node = newNodeId();
  readonly name: string;
  private readonly keys: { publicKey: KeyObject; privateKey: KeyObject };
  private clock: Hlc;
  deviceId: string | null = null;
  teamId: string | null = null;
  private binding: string | null = null;
  private session: string | null = null;
  /** Every operation this laptop holds, by identity. */
  readonly held = new Map<string, Operation>();
  readonly rows = new Map<string, SyncedRow>();
  /** Operations not yet acknowledged by the server, in the order made or received. */
  readonly outbox = new Map<string, Operation>();
  /** Operations the server refused, with the reason: never pushed again. */
  readonly refused = new Map<string, string>();
  cursor: Cursor | null = null;
  /** Every cursor position reached, to check it never went back. */
  readonly cursorTrail: number[] = [];

  constructor(private readonly options: ClientOptions) {
    this.name = options.name;
    this.keys = generateKeyPairSync('ed25519');
    this.clock = zeroHlc(this.node);
  }

  /** The raw 32-byte public key in base64. */
  get publicKey(): string {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
  }

  private now(): number {
    return Date.now() + (this.options.clockOffsetMs ?? 0);
  }

  // ── Local work ────────────────────────────────────────────────────────────────────────────────

  /** A local edit: one operation at this laptop's next clock, merged and queued for the server. */
  edit(table: SyncedTable, rowId: string, field: string, value: Json): Operation {
    this.clock = tickHlc(this.clock, this.now());
    const op: Operation = { table, rowId, field, value, hlc: encodeHlc(this.clock), node: this.node };
    this.take([op], true);
    return op;
  }

  /** Merges operations this laptop did not hold; `queue` puts them in the outbox (made here or relayed). */
  private take(ops: readonly Operation[], queue: boolean): number {
    const fresh = ops.filter((op) => !this.held.has(identityOf(op)));
    for (const op of fresh) {
      this.held.set(identityOf(op), op);
      if (queue) this.outbox.set(identityOf(op), op);
      // Later local edits sort after everything seen (without the one-day refusal: a test client).
      if (compareHlc(op.hlc, encodeHlc(this.clock)) > 0) {
        const seen = decodeHlc(op.hlc);
        this.clock = { wall: seen.wall, counter: seen.counter, node: this.node };
      }
    }
    mergeOperations(this.rows, fresh);
    return fresh.length;
  }

  knowledge(): Knowledge {
    return knowledgeOfOperations(this.held.values());
  }

  /** A USB hand-over from `source`: what this laptop lacks, relayed to the server by this laptop too. */
  receiveByUsb(source: ReferenceLaptop): number {
    return this.take(operationsBeyond([...source.held.values()], this.knowledge()), true);
  }

  /** The merged state as canonical text, to compare laptops and the server. */
  stateText(): string {
    return canonicalRows(this.rows);
  }

  // ── HTTP ──────────────────────────────────────────────────────────────────────────────────────

  private async request(
    method: string,
    path: string,
    body?: unknown,
    auth = true,
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (auth && this.session) headers.authorization = `Bearer ${this.session}`;
    const response = await fetch(`${this.options.baseUrl()}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(this.options.fetchTimeoutMs ?? 40_000),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const parsed = ErrorReplySchema.safeParse(json);
      const code = parsed.success ? parsed.data.error.code : 'unknown';
      const message = parsed.success ? parsed.data.error.message : text.slice(0, 200);
      throw new ServerRefusal(response.status, code, message);
    }
    return { status: response.status, json };
  }

  private signed(challenge: string): string {
    if (!this.deviceId) throw new Error(`${this.name} is not enrolled`);
    return sign(null, sessionProof(challenge, this.deviceId), this.keys.privateKey).toString('base64');
  }

  private async challenge(): Promise<string> {
    const { json } = await this.request('POST', '/auth/challenge', { deviceId: this.deviceId }, false);
    return ChallengeReplySchema.parse(json).challenge;
  }

  async enroll(code: string): Promise<void> {
    const { json } = await this.request(
      'POST',
      '/devices/enroll',
      { code, name: this.name, publicKey: this.publicKey },
      false,
    );
    const { device } = EnrollReplySchema.parse(json);
    this.deviceId = device.id;
    this.teamId = device.teamId;
  }

  async signIn(login: string, password: string): Promise<void> {
    const challenge = await this.challenge();
    const { json } = await this.request(
      'POST',
      '/auth/sign-in',
      { deviceId: this.deviceId, challenge, signature: this.signed(challenge), login, password },
      false,
    );
    const reply = SignInReplySchema.parse(json);
    this.binding = reply.binding;
    this.session = reply.session;
  }

  /** A new session from the binding and a freshly signed challenge: no password, nothing that expires. */
  async renewSession(): Promise<void> {
    if (!this.binding) throw new Error(`${this.name} has no one signed in`);
    const challenge = await this.challenge();
    const { json } = await this.request(
      'POST',
      '/auth/session',
      { deviceId: this.deviceId, challenge, signature: this.signed(challenge), binding: this.binding },
      false,
    );
    this.session = SessionReplySchema.parse(json).session;
  }

  /** Runs a signed-in request, renewing the session once when the server no longer knows it. */
  private async authed(method: string, path: string, body?: unknown): Promise<unknown> {
    if (!this.session) await this.renewSession();
    try {
      return (await this.request(method, path, body)).json;
    } catch (error) {
      if (error instanceof ServerRefusal && error.status === 401) {
        await this.renewSession();
        return (await this.request(method, path, body)).json;
      }
      throw error;
    }
  }

  private team(): string {
    if (!this.teamId) throw new Error(`${this.name} has no team`);
    return this.teamId;
  }

  /**
   * Pushes the outbox in batches; an operation leaves it only when its fate is stored or known (or
   * refused, kept in `refused`). Returns how many were acknowledged. Throws on a transport error,
   * leaving the unacknowledged ones queued.
   */
  async push(): Promise<number> {
    let acknowledged = 0;
    const size = this.options.pushBatch ?? 500;
    const inFlight = this.options.pushesInFlight ?? 1;
    while (this.outbox.size > 0) {
      // The outbox as it stands, cut into batches once (not copied whole for every batch); each push
      // says what this laptop holds now, as the app's engine does (it pushes before it pulls).
      const knowledge = this.knowledge();
      const batches: Operation[][] = [];
      for (const op of this.outbox.values()) {
        const last = batches.at(-1);
        if (last && last.length < size) last.push(op);
        else batches.push([op]);
      }
      let next = 0;
      const sender = async (): Promise<void> => {
        for (let ops = batches[next++]; ops; ops = batches[next++]) {
          const n = await this.pushBatch(ops, knowledge); // not `acknowledged += await …`: that reads it before waiting
          acknowledged += n;
        }
      };
      await Promise.all(Array.from({ length: Math.min(inFlight, batches.length) }, sender));
    }
    return acknowledged;
  }

  /** One push; returns how many of its operations the server acknowledged (all, or it throws). */
  private async pushBatch(ops: readonly Operation[], knowledge: Knowledge): Promise<number> {
    const reply = PushReplySchema.parse(
      await this.authed('POST', `/teams/${this.team()}/push`, { operations: ops, knowledge }),
    );
    if (reply.fates.length !== ops.length) throw new Error('a fate per operation expected');
    reply.fates.forEach((fate, i) => {
      const id = identityOf(ops[i] as Operation);
      if (fate.fate === 'refused') this.refused.set(id, fate.reason);
      this.outbox.delete(id);
    });
    return ops.length;
  }

  /** Pulls pages until nothing more; on a new epoch re-sends what the server lacks and starts over. */
  async pull(wait = 0): Promise<number> {
    let received = 0;
    for (;;) {
      const cursor = this.cursor ?? { epoch: '', seq: 0 };
      const query = `epoch=${encodeURIComponent(cursor.epoch)}&after=${String(cursor.seq)}&limit=${String(PULL_MAX_OPERATIONS)}&wait=${String(wait)}`;
      const reply = PullReplySchema.parse(await this.authed('GET', `/teams/${this.team()}/pull?${query}`));
      if (reply.kind === 'epochChanged') {
        if (this.cursor === null) {
          this.cursor = { epoch: reply.epoch, seq: 0 };
          continue;
        }
        await this.resendAfterRestore();
        this.cursor = { epoch: reply.epoch, seq: 0 };
        this.cursorTrail.push(-1); // a deliberate restart, told by the server
        continue;
      }
      let expected = cursor.seq + 1;
      for (const { seq } of reply.operations) {
        if (seq !== expected)
          throw new Error(`${this.name}: pull skipped from ${String(expected)} to ${String(seq)}`);
        expected += 1;
      }
      received += this.take(
        reply.operations.map((o) => o.operation),
        false,
      );
      if (reply.cursor.seq < cursor.seq) throw new Error(`${this.name}: the cursor went back`);
      this.cursor = reply.cursor;
      this.cursorTrail.push(reply.cursor.seq);
      if (!reply.more) return received;
    }
  }

  /** The team's whole log from seq 1, checked gap-free, leaving this laptop's state and cursor as they are. */
  async readLog(): Promise<Operation[]> {
    const log: Operation[] = [];
    let cursor: Cursor = { epoch: this.cursor?.epoch ?? '', seq: 0 };
    for (;;) {
      const query = `epoch=${encodeURIComponent(cursor.epoch)}&after=${String(cursor.seq)}&limit=${String(PULL_MAX_OPERATIONS)}&wait=0`;
      const reply = PullReplySchema.parse(await this.authed('GET', `/teams/${this.team()}/pull?${query}`));
      if (reply.kind === 'epochChanged') {
        if (log.length > 0) throw new Error('the epoch changed while reading the log');
        cursor = { epoch: reply.epoch, seq: 0 };
        continue;
      }
      for (const { seq, operation } of reply.operations) {
        if (seq !== log.length + 1)
          throw new Error(`the log skipped to ${String(seq)} after ${String(log.length)}`);
        log.push(operation);
      }
      cursor = reply.cursor;
      if (!reply.more) return log;
    }
  }

  // ── Photos ────────────────────────────────────────────────────────────────────────────────────

  /** A raw signed-in request (no JSON), renewing the session once when the server no longer knows it. */
  private async raw(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: Uint8Array<ArrayBuffer>,
  ): Promise<Response> {
    if (!this.session) await this.renewSession();
    const send = () =>
      fetch(`${this.options.baseUrl()}${path}`, {
        method,
        headers: { ...headers, authorization: `Bearer ${this.session ?? ''}` },
        body,
        signal: AbortSignal.timeout(this.options.fetchTimeoutMs ?? 40_000),
      });
    let response = await send();
    if (response.status === 401) {
      await response.arrayBuffer();
      await this.renewSession();
      response = await send();
    }
    return response;
  }

  /**
   * Uploads a photo's bytes by content in chunks at the server's offset: asks HEAD where it stands, so
   * a break anywhere (here, or on another laptop uploading the same photo) resumes from there.
   * Returns how many bytes this call sent. Throws on a transport error; calling again resumes.
   */
  async uploadBlob(bytes: Uint8Array<ArrayBuffer>, chunk = 256 * 1024): Promise<number> {
    const sha = createHash('sha256').update(bytes).digest('hex');
    let sent = 0;
    // Sent from 0 without asking first: if the server holds part of it (an upload that broke off),
    // it answers 409 with its offset, and the upload goes on from there.
    let offset = 0;
    for (;;) {
      if (offset >= bytes.length) return sent;
      const piece = bytes.subarray(offset, Math.min(bytes.length, offset + chunk));
      const patch = await this.raw(
        'PATCH',
        `/blobs/${sha}`,
        {
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(offset),
          'upload-length': String(bytes.length),
        },
        piece,
      );
      const text = await patch.text();
      if (patch.status === 204) sent += piece.length;
      else if (patch.status !== 409 || text.includes('lengthMismatch'))
        throw new ServerRefusal(patch.status, 'upload', text.slice(0, 200));
      const told = Number(patch.headers.get('upload-offset'));
      if (!Number.isSafeInteger(told)) throw new ServerRefusal(patch.status, 'upload', 'no Upload-Offset');
      offset = told;
    }
  }

  /** The photo's bytes as the server serves them to this laptop's team, or null when it serves none. */
  async downloadBlob(sha: string): Promise<Uint8Array | null> {
    const response = await this.raw('GET', `/teams/${this.team()}/blobs/${sha}`);
    if (response.status === 404) {
      await response.arrayBuffer();
      return null;
    }
    if (!response.ok) throw new ServerRefusal(response.status, 'download', await response.text());
    return new Uint8Array(await response.arrayBuffer());
  }

  /** After a restore: everything this laptop holds beyond the server's knowledge goes back up. */
  private async resendAfterRestore(): Promise<void> {
    const { knowledge } = KnowledgeReplySchema.parse(
      await this.authed('GET', `/teams/${this.team()}/knowledge`),
    );
    for (const op of operationsBeyond([...this.held.values()], knowledge))
      this.outbox.set(identityOf(op), op);
    await this.push();
  }

  /** A new laptop's start: the snapshot page by page, then pulls from its first page's cursor. */
  async startFromSnapshot(limit?: number): Promise<number> {
    let taken = 0;
    let first: Cursor | null = null;
    let from = '';
    for (;;) {
      const query = `?${limit === undefined ? '' : `limit=${String(limit)}`}${from}`;
      const reply = SnapshotReplySchema.parse(
        await this.authed('GET', `/teams/${this.team()}/snapshot${query}`),
      );
      taken += this.take(reply.operations, false);
      first ??= reply.cursor;
      if (reply.next === null) break;
      from = `&next=${encodeSnapshotAfter(reply.next)}`;
    }
    this.cursor = first;
    this.cursorTrail.push(first.seq);
    return taken;
  }
}

/** Rows as canonical text, sorted by key: equal text means equal merged state. */
export function canonicalRows(rows: ReadonlyMap<string, SyncedRow>): string {
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, row]) => `${key}\t${canonicalJson(row as unknown as Json)}`)
    .join('\n');
}

/** The merge of a set of operations, as the server and every laptop must end up. */
export function mergedText(ops: Iterable<Operation>): string {
  const rows = new Map<string, SyncedRow>();
  mergeOperations(rows, ops);
  return canonicalRows(rows);
}

export { rowKey };

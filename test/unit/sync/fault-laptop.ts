// A laptop of the fault run: the app's data layer (Dexie on fake-indexeddb) and the real sync engine,
// whose every request goes through the host relay's real handlers behind the contract's checks. Its
// clock may be days off (its writes carry it), it can be cut off the network (its relay answers
// "unreachable", as the host does when there is no route), and it can be killed: the database closed
// under whatever was running and opened again, with a new engine, as after a crash of the app.
import 'fake-indexeddb/auto';
import type { HostHandlers } from '../../../shared/contract';
import { dispatch } from '../../../shared/contract/dispatch';
import type { SyncTransport } from '../../../shared/sync/client/answers';
import type { Operation } from '../../../shared/sync/operation';
import { createDatabase, type DuchaDatabase } from '../../../renderer/db/database';
import { type RecordPatch, writeRecords } from '../../../renderer/db/record-writer';
import type { Manifest } from '../../../shared/bundle/manifest';
import { devicePublicFace } from '../../../renderer/db/repositories/exchange/device-identity';
import { exportSnapshot } from '../../../renderer/db/repositories/exchange/export-snapshot';
import { applyImport } from '../../../renderer/db/repositories/exchange/import-apply';
import { previewImport } from '../../../renderer/db/repositories/exchange/import-preview';
import { localKnowledge } from '../../../renderer/db/repositories/exchange/local-knowledge';
import { SyncEngine, type SyncStatus } from '../../../renderer/sync/sync-engine';
import { createSyncHandlers, DEFAULT_SYNC_RELAY_LIMITS } from '../../../electron/host/sync/sync-handlers';

// A call through a reset or a killed server ends at once; one stuck behind a delay must not outlast the run.
const handlers = createSyncHandlers({
  ...DEFAULT_SYNC_RELAY_LIMITS,
  callTimeoutMs: 10_000,
}) as unknown as HostHandlers;

/** What the laptop was doing when it was killed: the request of the round in flight, if any. */
export type KilledAt = 'push' | 'pull' | 'snapshot' | 'session' | 'betweenRequests' | 'idle';

/** The step of the round a request belongs to, by its path. */
function stepOf(path: string): KilledAt {
  if (/\/push$/.test(path)) return 'push';
  if (path.includes('/pull?')) return 'pull';
  if (/\/snapshot(\?|$)/.test(path)) return 'snapshot';
  return 'session';
}

export class FaultLaptop {
  db: DuchaDatabase;
  engine: SyncEngine;
  /** False while partitioned: every request of its relay answers "unreachable". */
  online = true;
  private status: SyncStatus | null = null;
  /** The engine now running; requests of a killed one's round no longer count as this laptop's. */
  private generation = 0;
  private inFlight: KilledAt | null = null;
  private onRequest: ((step: KilledAt) => void) | null = null;
  /** Every operation this laptop's writes queued for the server, in order. */
  readonly made: Operation[] = [];

  private constructor(
    readonly name: string,
    private readonly dbName: string,
    /** This laptop's clock error: its idea of now is the real time plus this. */
    readonly clockOffsetMs: number,
  ) {
    this.db = createDatabase(dbName);
    this.engine = this.newEngine();
  }

  static async open(name: string, clockOffsetMs: number): Promise<FaultLaptop> {
    const laptop = new FaultLaptop(name, `fault-${name}-${String(Date.now())}`, clockOffsetMs);
    await laptop.db.open();
    return laptop;
  }

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  private newEngine(): SyncEngine {
    const generation = ++this.generation;
    return new SyncEngine(
      this.db,
      (server) => this.transport(server, generation),
      (status) => (this.status = status),
      { now: () => this.now() },
    );
  }

  /** The host relay, as the page's syncCall reaches it; nothing leaves while partitioned. */
  private transport(server: string, generation: number): SyncTransport {
    return async (request) => {
      if (!this.online) return { kind: 'unreachable', detail: 'no network (partitioned by the test)' };
      const current = generation === this.generation;
      if (current) {
        this.inFlight = stepOf(request.path);
        this.onRequest?.(this.inFlight);
      }
      try {
        const payload = { server, ...request };
        const result = await dispatch(handlers, 'syncCall', payload, { dataDir: '/nonexistent' });
        if (!result.ok) throw new Error(`syncCall: ${result.error.code}: ${result.error.message}`);
        return result.value as Awaited<ReturnType<SyncTransport>>;
      } finally {
        if (current && generation === this.generation) this.inFlight = null;
      }
    };
  }

  /** A local change at this laptop's clock; what it queued is remembered as made here. */
  async write(patches: readonly RecordPatch[]): Promise<void> {
    const queued = await writeRecords(this.db, patches, this.now());
    this.made.push(...queued);
  }

  /**
   * Kills the app: the database is closed under whatever runs (IndexedDB lets the transaction in
   * progress end, whole or not at all; nothing later is written) and opened again with a new engine
   * that knows nothing of the old one. Returns what the laptop was doing.
   */
  async kill(): Promise<KilledAt> {
    const doing: KilledAt = this.inFlight ?? (this.status?.phase === 'syncing' ? 'betweenRequests' : 'idle');
    this.db.close({ disableAutoOpen: true });
    this.db = createDatabase(this.dbName);
    await this.db.open();
    this.status = null;
    this.inFlight = null;
    this.engine = this.newEngine();
    return doing;
  }

  /**
   * Starts a round and kills the laptop `delayMs` after the round's first request of `step` went out
   * (before its answer, or after it came and while it is being saved), or once the round ended
   * without one. The old round's failure is left unheard, as a crashed app's would be.
   */
  async killDuring(step: 'push' | 'pull', delayMs: number): Promise<KilledAt> {
    const reached = new Promise<boolean>((resolve) => {
      this.onRequest = (started) => {
        if (started === step) resolve(true);
      };
    });
    const round = this.engine.syncNow();
    const ended = round.then(
      () => false,
      () => false,
    );
    const hit = await Promise.race([reached, ended]);
    this.onRequest = null;
    if (hit) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return this.kill();
  }

  /**
   * A USB hand-over from `source` through the app's import: what the source holds beyond what this
   * laptop holds (the incremental export), previewed and applied at this laptop's clock by
   * import-apply.ts, which also queues it for this laptop's own pushes. The bundle's files and
   * signature are the exchange tests' concern; the manifest carries what the apply reads. A clock more
   * than a day ahead of this laptop's fails the whole import (ClockError) and changes nothing.
   */
  async receiveByUsb(source: FaultLaptop): Promise<number> {
    const face = await devicePublicFace(source.db);
    const since = await localKnowledge(this.db);
    const { operations, knowledge } = await exportSnapshot(source.db, since);
    if (operations.length === 0 || face === null) return 0;
    const at = new Date(this.now());
    const manifest = {
      createdAt: at.toISOString(),
      source: { node: face.node, name: face.name, publicKey: face.publicKey ?? '' },
      kind: 'incremental',
      since,
      files: [],
      knowledge,
    } as unknown as Manifest;
    const preview = await previewImport(this.db, manifest, operations);
    await applyImport(
      this.db,
      {
        manifest,
        manifestSha256: '0'.repeat(64),
        folder: 'usb',
        operations,
        preview,
        photos: [],
        trustSource: true,
      },
      at,
    );
    return operations.length;
  }
}

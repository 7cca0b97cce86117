// The laptop's sync engine: enrollment and sign-in, and rounds (push the outbox, pull from the cursor)
// run when asked, when the laptop comes online, every few minutes, and shortly after a local change —
// one round at a time, with back-off and jitter after failures that may pass by themselves. Its status
// goes to a listener (the Zustand store the header and the Sync page read). No Dexie here: the data
// layer's syncActions do the local work, the transport reaches the server (the host's relay in the app).
import { expectReply, SyncFailure, type SyncTransport } from '../../shared/sync/client/answers';
import { ClockError } from '../../shared/sync/hlc';
import { TeamsReplySchema } from '../../shared/sync/protocol';
import { TRANSIENT_PROBLEMS, type SyncProblem } from '../../shared/sync/client/problems';
import {
  type RoundContext,
  runSyncRound,
  type RoundProgress,
  type RoundResult,
} from '../../shared/sync/client/round';
import { enrollDevice, openSession, signInPerson } from '../../shared/sync/client/session';
import type { DuchaDatabase, PhotoOriginals, SyncState } from '../db';
import { syncActions } from '../db';
import { retryDelayMs } from './backoff';
import { type LaptopPhotos, type PhotoProgress, type PhotoWaiting, syncLaptopPhotos } from './photo-sync';

export type SyncPhase = 'notSetUp' | 'idle' | 'syncing' | 'offline' | 'problem';

export interface SyncStatus {
  readonly phase: SyncPhase;
  readonly problem: { readonly code: SyncProblem; readonly detail: string } | null;
  readonly progress: RoundProgress | null;
  /** Photos still to move either way after the last photo step; null before the first. */
  readonly photos: PhotoWaiting | null;
  /** The photo moving now, with the speed. */
  readonly photoProgress: PhotoProgress | null;
  /** Operations waiting in the outbox. */
  readonly waiting: number;
  readonly lastRound: RoundResult | null;
  /** When the engine will try again by itself (ms since the epoch), after a failure. */
  readonly retryAt: number | null;
}

export interface EngineOptions {
  /** Periodic rounds while automatic sync is on. */
  readonly everyMs?: number;
  /** The pause after a local change before its round (changes in a burst go together). */
  readonly afterChangeMs?: number;
  readonly now?: () => number;
  readonly random?: () => number;
  /** This app's version: a server that syncs only with newer ones is told apart (appTooOld). */
  readonly appVersion?: string;
  /** Whether the laptop thinks it has a network (navigator.onLine in the page). */
  readonly online?: () => boolean;
  /** Photos both ways after each round; without it a round moves records only. */
  readonly photos?: LaptopPhotos;
}

const EVERY_MS = 3 * 60_000;
const AFTER_CHANGE_MS = 1_500;
/** How long one watching long poll waits on the server (its limit is 30 s; the relay's 40 s). */
const WATCH_SECONDS = 25;

export class SyncEngine {
  private readonly actions;
  private status: SyncStatus = {
    phase: 'notSetUp',
    problem: null,
    progress: null,
    photos: null,
    photoProgress: null,
    waiting: 0,
    lastRound: null,
    retryAt: null,
  };
  private session: string | null = null;
  private running: Promise<RoundResult | null> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopWatching: (() => void) | null = null;
  private started = false;
  private watching = false;
  private photoCount: Promise<void> | null = null;
  private photoRecount = false;

  constructor(
    db: DuchaDatabase,
    private readonly transportFor: (serverUrl: string) => SyncTransport,
    private readonly listener: (status: SyncStatus) => void,
    private readonly options: EngineOptions = {},
  ) {
    this.actions = syncActions(db);
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private publish(change: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...change };
    this.listener(this.status);
  }

  /** Begins automatic work: watches the outbox, and syncs now if set up. */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.actions.mergeHeldBack().catch(() => undefined);
    let first = true;
    this.stopWatching = this.actions.watchOutbox((waiting) => {
      const grew = waiting > this.status.waiting;
      this.publish({ waiting });
      // A photo added here shows among those waiting at once, offline too, not only once a
      // round's photo step has counted.
      if (first || grew) this.recountPhotos();
      if (first) {
        first = false;
        void this.refreshPhase().then(() => this.schedule(0));
      } else if (grew) this.schedule(this.options.afterChangeMs ?? AFTER_CHANGE_MS);
    });
  }

  /**
   * The photos still to move either way, from this laptop's library: originals the server has not
   * confirmed holding (in the epoch of the saved cursor) and photo records whose original is not here.
   * The photo step recounts as it goes; this is what the Sync page shows between rounds.
   */
  private recountPhotos(): void {
    // One count at a time (it reads every photo row): changes during one are counted once after it.
    if (this.photoCount) {
      this.photoRecount = true;
      return;
    }
    this.photoCount = this.countPhotosWaiting()
      .catch(() => undefined)
      .finally(() => {
        this.photoCount = null;
        if (this.photoRecount) {
          this.photoRecount = false;
          this.recountPhotos();
        }
      });
  }

  private async countPhotosWaiting(): Promise<void> {
    if (!this.options.photos) return;
    const { enrollment, cursor } = await this.actions.state();
    if (!enrollment?.teamId || !cursor) return;
    const library = this.actions.photoLibrary();
    const [up, down] = await Promise.all([library.unconfirmed(cursor.epoch), library.lacking()]);
    const photos = [...up, ...down];
    // A round's photo step may be counting meanwhile: its figures are the fresher.
    if (this.status.phase === 'syncing') return;
    this.publish({
      photos: { waiting: photos.length, waitingBytes: photos.reduce((n, p) => n + p.byteLength, 0) },
    });
  }

  stop(): void {
    this.started = false;
    this.stopWatching?.();
    this.stopWatching = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The laptop came online (the page's `online` event): a round at once. */
  cameOnline(): void {
    this.failures = 0;
    this.schedule(0);
  }

  wentOffline(): void {
    if (this.status.phase !== 'notSetUp') this.publish({ phase: 'offline', retryAt: null });
  }

  /** Sets the phase from the stored state (not set up / idle) when no round is running. */
  private async refreshPhase(): Promise<SyncState> {
    const state = await this.actions.state();
    if (!state.enrollment || !state.signIn) this.publish({ phase: 'notSetUp' });
    else if (this.status.phase === 'notSetUp') this.publish({ phase: 'idle' });
    return state;
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.automaticRound();
    }, delayMs);
  }

  private async automaticRound(): Promise<void> {
    const state = await this.actions.state();
    if (!state.automatic || !state.enrollment || !state.signIn) return;
    if (this.options.online && !this.options.online()) {
      this.publish({ phase: 'offline' });
      return;
    }
    await this.syncNow().catch(() => undefined);
  }

  /**
   * One round now (or, if one is running, one more right after it). Resolves with the round's result,
   * or null when this laptop is not set up; rejects with a SyncFailure (also published).
   */
  syncNow(): Promise<RoundResult | null> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.schedule(0);
      }
    });
    return this.running;
  }

  private async round(): Promise<RoundResult | null> {
    const state = await this.refreshPhase();
    const { enrollment, signIn } = state;
    if (!enrollment || !signIn) return null;
    const transport = this.transportFor(enrollment.serverUrl);
    const signer = await this.actions.signer(enrollment.deviceId);
    const renewSession = async (): Promise<string> => {
      this.session = (await openSession(transport, signer, signIn.binding)).session;
      return this.session;
    };
    if (this.options.online && !this.options.online()) {
      // No network at all: say so, and try again when the laptop comes online (cameOnline).
      this.publish({
        phase: 'offline',
        problem: { code: 'unreachable', detail: 'this laptop has no network' },
        progress: null,
        retryAt: null,
      });
      throw new SyncFailure('unreachable', 'this laptop has no network');
    }
    this.publish({ phase: 'syncing', problem: null, progress: null, retryAt: null });
    try {
      const session = async () => this.session ?? (await renewSession());
      const teams = await this.teamsToFollow(transport, enrollment.teamId, session, renewSession);
      const result = await runSyncRound({
        transport,
        ...(this.options.appVersion ? { appVersion: this.options.appVersion } : {}),
        replica: this.actions.replica(),
        ...teams,
        readOnly: signIn.person.role === 'leader',
        session,
        renewSession,
        onProgress: (progress) => this.publish({ progress }),
      });
      this.failures = 0;
      await this.actions.saveSuccess({
        at: new Date(this.now()).toISOString(),
        pushed: result.pushed,
        received: result.received,
      });
      // Notice numbers reserved while online, provisional ones made final; a failure (an older server,
      // say) leaves the pool as it is, and notices still get provisional numbers until a round succeeds.
      if (enrollment.teamId !== null && signIn.person.role !== 'leader')
        await this.actions
          .topUpNoticeNumbers({
            transport,
            teamId: enrollment.teamId,
            actorName: signIn.person.name,
            session,
            renewSession,
            now: this.now(),
            serverRestored: result.serverRestored,
          })
          .catch(() => undefined);
      if (this.options.photos && enrollment.teamId !== null)
        await syncLaptopPhotos(this.options.photos, {
          serverUrl: enrollment.serverUrl,
          teamId: enrollment.teamId,
          epoch: result.cursor.epoch,
          library: this.actions.photoLibrary(),
          session: async () => this.session ?? (await renewSession()),
          renewSession,
          publish: (change) => this.publish(change),
        });
      this.publish({ phase: 'idle', progress: null, lastRound: result });
      if (state.automatic) {
        this.schedule(this.options.everyMs ?? EVERY_MS);
        void this.watch();
      }
      return result;
    } catch (error) {
      const failure = failureOf(error);
      this.failed(failure, state.automatic);
      throw failure;
    }
  }

  private failed(failure: SyncFailure, automatic: boolean): void {
    const transient = TRANSIENT_PROBLEMS.has(failure.problem);
    let retryAt: number | null = null;
    if (transient && automatic) {
      this.failures += 1;
      const wait = Math.max(
        retryDelayMs(this.failures, (this.options.random ?? Math.random)()),
        (failure.retryAfterSeconds ?? 0) * 1000,
      );
      retryAt = this.now() + wait;
      this.schedule(wait);
    }
    const offline = failure.problem === 'unreachable' && this.options.online && !this.options.online();
    this.publish({
      phase: offline ? 'offline' : 'problem',
      problem: { code: failure.problem, detail: failure.detail },
      progress: null,
      photoProgress: null,
      retryAt,
    });
  }

  /**
   * While automatic sync is on and the laptop online, one long poll stays open on the team's log
   * (the server answers as soon as another laptop's change lands, or after WATCH_SECONDS with
   * nothing): a change made elsewhere starts a round here within a second or two, instead of at the
   * next periodic round. Any failure just ends the watch; the next successful round starts it again.
   */
  private async watch(): Promise<void> {
    if (this.watching || !this.started) return;
    this.watching = true;
    try {
      while (this.started) {
        const state = await this.actions.state();
        const { enrollment, signIn, cursor } = state;
        if (!state.automatic || !enrollment?.teamId || !signIn || !cursor) return;
        if (this.options.online && !this.options.online()) return;
        const transport = this.transportFor(enrollment.serverUrl);
        const path = `/teams/${encodeURIComponent(enrollment.teamId)}/pull?epoch=${encodeURIComponent(cursor.epoch)}&after=${String(cursor.seq)}&limit=1&wait=${String(WATCH_SECONDS)}`;
        const session =
          this.session ??
          (this.session = (
            await openSession(transport, await this.actions.signer(enrollment.deviceId), signIn.binding)
          ).session);
        const answer = await transport({ method: 'GET', path, session });
        if (answer.kind !== 'reply') return;
        if (answer.status === 401) {
          this.session = null;
          continue;
        }
        if (answer.status !== 200) return;
        const body = answer.body as { kind?: string; operations?: unknown[] } | null;
        if (body?.kind === 'epochChanged' || (body?.operations?.length ?? 0) > 0) {
          // The person may have turned automatic sync off while the poll waited.
          if (!(await this.actions.state()).automatic) return;
          await this.syncNow().catch(() => undefined);
        }
      }
    } catch {
      // The watch is a convenience: rounds still run on their schedule.
    } finally {
      this.watching = false;
    }
  }

  /** Enrolls this laptop with the server under a one-time code from the admin or the office. */
  async enroll(serverUrl: string, code: string): Promise<void> {
    const identity = await this.actions.identity();
    const transport = this.transportFor(serverUrl);
    const device = await enrollDevice(transport, {
      code: code.trim().toUpperCase(),
      name: identity.name,
      publicKey: identity.publicKey,
    });
    this.session = null;
    await this.actions.saveEnrollment({
      serverUrl,
      deviceId: device.id,
      teamId: device.teamId,
      enrolledAt: new Date(this.now()).toISOString(),
    });
    await this.refreshPhase();
  }

  /** A person of the team signs in on this laptop (once; the binding then lasts until sign-out). */
  async signIn(login: string, password: string): Promise<void> {
    const { enrollment } = await this.actions.state();
    if (!enrollment) throw new SyncFailure('signInAgain', 'this laptop is not enrolled');
    const transport = this.transportFor(enrollment.serverUrl);
    const reply = await signInPerson(transport, await this.actions.signer(enrollment.deviceId), {
      login: login.trim(),
      password,
    });
    this.session = reply.session;
    await this.actions.saveSignIn({
      person: reply.person,
      binding: reply.binding,
      signedInAt: new Date(this.now()).toISOString(),
    });
    await this.learnTeamName(transport, enrollment.teamId, reply.session);
    await this.refreshPhase();
    this.failures = 0;
    this.schedule(0);
  }

  /**
   * What a round follows. A team's laptop: its team's log. An office laptop (enrolled for no team):
   * every team's log, each with a cursor of its own, and each change sent back into the log its row
   * came from (a new row: the log of the record it hangs on, else the first team's; row-team.ts).
   */
  private async teamsToFollow(
    transport: SyncTransport,
    teamId: string | null,
    session: () => Promise<string>,
    renewSession: () => Promise<string>,
  ): Promise<Pick<RoundContext, 'teamId' | 'logs' | 'pushTeamOf'>> {
    if (teamId !== null) return { teamId };
    let answer = await transport({ method: 'GET', path: '/teams', session: await session() });
    if (answer.kind === 'reply' && answer.status === 401)
      answer = await transport({ method: 'GET', path: '/teams', session: await renewSession() });
    const { teams } = expectReply(answer, TeamsReplySchema, 'teams');
    const first = teams[0];
    if (!first) throw new SyncFailure('badReply', 'the server has no team to sync with yet');
    return {
      teamId: first.id,
      logs: teams.map((team) => ({ teamId: team.id, replica: this.actions.teamReplica(team.id) })),
      pushTeamOf: (op) => this.actions.teamOfRow(op.table, op.rowId),
    };
  }

  /** The team's name as the server has it, to show; a failure here only leaves the id shown. */
  private async learnTeamName(
    transport: SyncTransport,
    teamId: string | null,
    session: string,
  ): Promise<void> {
    if (teamId === null) return;
    const answer = await transport({ method: 'GET', path: '/teams', session });
    try {
      const name = expectReply(answer, TeamsReplySchema, 'teams').teams.find((t) => t.id === teamId)?.name;
      if (name) await this.actions.saveTeamName(name);
    } catch {
      // Shown by id until the next sign-in.
    }
  }

  /**
   * The person signs out on this laptop: the server ends the binding when it can be reached (so the
   * laptop's copy of it is worth nothing after), and the laptop forgets it either way.
   */
  async signOut(): Promise<void> {
    const { enrollment, signIn } = await this.actions.state();
    if (enrollment && signIn) {
      const transport = this.transportFor(enrollment.serverUrl);
      try {
        const session =
          this.session ??
          (await openSession(transport, await this.actions.signer(enrollment.deviceId), signIn.binding))
            .session;
        await transport({ method: 'POST', path: '/auth/sign-out', session, body: {} });
      } catch {
        // Offline, or the binding already ended: forgetting it here is what matters.
      }
    }
    this.session = null;
    await this.actions.forgetSignIn();
    await this.refreshPhase();
  }

  async setAutomatic(automatic: boolean): Promise<void> {
    await this.actions.saveAutomatic(automatic);
    if (automatic) this.schedule(0);
    else if (this.timer) clearTimeout(this.timer);
  }

  /** Which photo originals come down: all, or those asked for; a round follows, to act on it. */
  async setPhotoOriginals(mode: PhotoOriginals): Promise<void> {
    await this.actions.savePhotoOriginals(mode);
    this.schedule(0);
  }

  /**
   * A person asked for a photo's original (the laptop fetches only those asked for): a round now, as
   * "Sync now" would, automatic sync or not. Its problem, if any, shows as any round's does.
   */
  async askForOriginal(sha256: string): Promise<void> {
    await this.actions.askForOriginal(sha256);
    void this.syncNow().catch(() => undefined);
  }

  current(): SyncStatus {
    return this.status;
  }
}

/**
 * A round's failure as a problem the page words. A ClockError from the merge means this laptop's own
 * date is far off: changes from the others look more than a day ahead of it (or it wrote far ahead).
 */
function failureOf(error: unknown): SyncFailure {
  if (error instanceof SyncFailure) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof ClockError) return new SyncFailure('clockWrong', detail);
  return new SyncFailure('badReply', detail);
}

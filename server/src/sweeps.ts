// What the server clears while it runs, so nothing it keeps grows for ever: expired challenges and
// photo uploads abandoned for a week. Started with the app (app.ts) and stopped when it closes.
// (Sessions live in memory and are cleared as new ones are issued: auth/sessions.ts.)
import type { FastifyBaseLogger } from 'fastify';
import { newSecret } from './auth/secrets';
import type { BlobStore } from './blobs/blob-store';
import { isoAt } from './http/context';
import { runPeriodically, type Periodic } from './periodic';
import type { Store } from './store/store';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A laptop offline for days still finds its upload; one silent for a week has given it up. */
export const PARTIAL_IDLE_MS = 7 * DAY_MS;
export const PARTIAL_SWEEP_EVERY_MS = DAY_MS;
/** Challenges live 2 minutes; a few stale rows between sweeps cost nothing. */
export const CHALLENGE_SWEEP_EVERY_MS = 10 * 60 * 1000;

export interface SweepTargets {
  readonly store: Pick<Store, 'takeChallenge'>;
  readonly blobs?: BlobStore;
  /** The server's clock, the one challenges' expiry was written with. */
  readonly now: () => number;
  readonly log: FastifyBaseLogger;
}

/** Runs each sweep once now, then on its period; `stop` ends them all. */
export async function startSweeps(targets: SweepTargets): Promise<Periodic> {
  const { store, blobs, now, log } = targets;
  const sweeps: Periodic[] = [
    await runPeriodically(
      () => clearExpiredChallenges(store, now()),
      CHALLENGE_SWEEP_EVERY_MS,
      (error) => log.error({ err: error }, 'clearing expired challenges failed'),
    ),
  ];
  if (blobs) {
    sweeps.push(
      await runPeriodically(
        async () => {
          // The files' times are the disk's, so the real clock, not the app's (tests move that one).
          const removed = await blobs.removeIdlePartials(new Date(Date.now() - PARTIAL_IDLE_MS));
          if (removed.length > 0) log.info({ removed }, 'removed photo uploads idle for a week');
        },
        PARTIAL_SWEEP_EVERY_MS,
        (error) => log.error({ err: error }, 'removing idle photo uploads failed'),
      ),
    );
  }
  return {
    async stop() {
      await Promise.all(sweeps.map((sweep) => sweep.stop()));
    },
  };
}

/**
 * Both stores clear every expired challenge whenever one is taken (takeChallenge in sqlite-store.ts
 * and postgres-store.ts), so sign-ins keep the table small; a take of a challenge never issued, for
 * no device, clears them too while nobody signs in (a laptop that asks and never signs).
 * The Store has no call of its own for this; test/challenges.test.ts holds both stores to it.
 */
async function clearExpiredChallenges(store: Pick<Store, 'takeChallenge'>, now: number): Promise<void> {
  await store.takeChallenge(newSecret(), '', isoAt(now));
}

// What the server clears while it runs, so nothing it keeps grows for ever: photo uploads abandoned
// for a week. Started with the app (app.ts) and stopped when it closes.
import type { FastifyBaseLogger } from 'fastify';
import type { BlobStore } from './blobs/blob-store';
import { runPeriodically, type Periodic } from './periodic';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A laptop offline for days still finds its upload; one silent for a week has given it up. */
export const PARTIAL_IDLE_MS = 7 * DAY_MS;
export const PARTIAL_SWEEP_EVERY_MS = DAY_MS;

export interface SweepTargets {
  readonly blobs?: BlobStore;
  readonly log: FastifyBaseLogger;
}

/** Runs each sweep once now, then on its period; `stop` ends them all. */
export async function startSweeps(targets: SweepTargets): Promise<Periodic> {
  const { blobs, log } = targets;
  const sweeps: Periodic[] = [];
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

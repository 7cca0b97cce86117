// A sync round's last step on a team's laptop: reserve notice numbers from the team's server when the
// laptop's pool runs low, then replace the provisional numbers it gave offline with final ones. The
// pool itself is the laptop's (renderer/db/repositories/sync/notice-pool); this speaks to the server.
import { expectReply, type SyncTransport } from './client/answers';
import { NoticeNumbersReplySchema, type NoticeNumbersReply } from './protocol';

export interface NoticeNumberPool {
  /** Per year, how many to reserve and the highest number the laptop holds; empty when nothing is needed. */
  needs(now: number): Promise<readonly { year: number; count: number; after: number }[]>;
  add(block: NoticeNumbersReply): Promise<void>;
  /** Lets go of the reserved numbers not given yet (a restored server may give them again). */
  forgetUnused(): Promise<void>;
  /** Replaces provisional numbers with reserved ones, the history saying so; by whom. */
  finalize(actorName: string, now: number): Promise<unknown>;
}

export interface NoticeReservationContext {
  readonly transport: SyncTransport;
  readonly teamId: string;
  readonly actorName: string;
  readonly session: () => Promise<string>;
  readonly renewSession: () => Promise<string>;
  readonly now: number;
  /**
   * The round found the server restored from a backup: its counters went back, and the numbers this
   * laptop reserved since that backup may be given to another laptop again.
   */
  readonly serverRestored?: boolean;
}

export async function topUpNoticeNumbers(
  pool: NoticeNumberPool,
  ctx: NoticeReservationContext,
): Promise<void> {
  // Numbers already given stand (each reservation asks above the highest this laptop holds); those
  // only reserved are dropped, and reserved afresh.
  if (ctx.serverRestored) await pool.forgetUnused();
  for (const need of await pool.needs(ctx.now)) {
    const request = async (session: string) =>
      ctx.transport({
        method: 'POST',
        path: `/teams/${encodeURIComponent(ctx.teamId)}/notice-numbers`,
        session,
        body: need,
      });
    let answer = await request(await ctx.session());
    if (answer.kind === 'reply' && answer.status === 401) answer = await request(await ctx.renewSession());
    const block = expectReply(answer, NoticeNumbersReplySchema, 'notice numbers');
    // A block of another year or size than asked is not what this laptop reserved: not taken.
    if (block.year === need.year && block.last - block.first + 1 === need.count && block.first > need.after)
      await pool.add(block);
  }
  await pool.finalize(ctx.actorName, ctx.now);
}

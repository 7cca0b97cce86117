// Faults, Jepsen-style, on SQLite and on PostgreSQL: simulated laptops (the reference client, with
// clocks days apart) edit, push, pull and hand operations over by USB while the server is killed with
// SIGKILL at random moments and restarted, and a proxy of our own resets connections, delays them, and
// drops replies after the server has answered. Then the network heals, everyone syncs, and the
// invariants are checked: every acknowledged operation survived every kill; one stored copy per
// identity; pull pages without gaps and cursors that never went back; every laptop = the server = the
// merge of every operation made. Bounded to about DUCHA_FAULT_SECONDS (default 20) per database; the
// seed is printed, and DUCHA_FAULT_SEED replays a run.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAdmin } from '../src/cli';
import { describeEachBackend } from './support/backends';
import { FaultProxy } from './support/fault-proxy';
import { Random, seedFromEnvironment } from './support/random';
import { identityOf, mergedText, ReferenceLaptop, ServerRefusal } from './support/reference-client';
import { buildServerBundle, type RunningServer, startServer } from './support/server-process';
import type { Operation } from '../../shared/sync/operation';

const SECONDS = Number(process.env.DUCHA_FAULT_SECONDS ?? 20);
const DAY = 24 * 60 * 60 * 1000;
const PASSWORD = 'fault-run-password';

let bundle = '';
beforeAll(async () => {
  bundle = await buildServerBundle();
}, 60_000);

describeEachBackend('faults', (backend) => {
  const seed = seedFromEnvironment();
  let server: RunningServer | null = null;
  let proxy: FaultProxy | null = null;

  afterAll(async () => {
    await proxy?.stop();
    await server?.stop('SIGKILL');
  });

  it(
    `every acknowledged operation survives kills, drops and resets (seed ${String(seed)})`,
    async () => {
      const random = new Random(seed);
      const fresh = await backend.fresh();
      await fresh.store.close();
      const config = { home: fresh.home, database: fresh.databaseSetting, port: 0, host: '127.0.0.1' };
      const admin = async (...args: string[]) => {
        const lines: string[] = [];
        const code = await runAdmin(
          args,
          { ...config, tls: undefined, trustProxy: false },
          (l) => lines.push(l),
          {
            DUCHA_PASSWORD: PASSWORD,
          },
        );
        if (code !== 0) throw new Error(`admin ${args.join(' ')}: ${lines.join('\n')}`);
        return lines.join('\n');
      };
      await admin('people', 'add', 'cityadmin', '市督查办管理员', 'admin');
      await admin('teams', 'add', '第一督查组', '--id', 'team-1');
      await admin('teams', 'add', '第二督查组', '--id', 'team-2');
      const teamOf = ['team-1', 'team-1', 'team-1', 'team-2'];
      for (const [i, team] of teamOf.entries())
        await admin(
          'people',
          'add',
          `inspector${String(i)}`,
          `督查员${String(i)}`,
          'inspector',
          '--team',
          team,
        );

      server = await startServer(bundle, { home: fresh.home, database: fresh.databaseSetting });
      const target = () => server?.port ?? 0;
      proxy = new FaultProxy(target, random, {
        resetOnConnect: 0.05,
        dropReply: 0.05,
        delay: 0.1,
        maxDelayMs: 300,
      });
      await proxy.start();
      const viaProxy = () => `http://127.0.0.1:${String(proxy?.port ?? 0)}`;
      const direct = () => `http://127.0.0.1:${String(target())}`;

      // Laptops: clocks from three days behind to twenty hours ahead (within the server's one day).
      let useProxy = false;
      const laptops = teamOf.map(
        (_, i) =>
          new ReferenceLaptop({
            name: `laptop-${String(i)}`,
            baseUrl: () => (useProxy ? viaProxy() : direct()),
            clockOffsetMs: random.between(-3 * DAY, 20 * 60 * 60 * 1000),
            pushBatch: random.pick([50, 200, 500]),
            fetchTimeoutMs: 10_000,
          }),
      );
      for (const [i, laptop] of laptops.entries()) {
        const code = /Enrollment code: (\S+)/.exec(
          await admin('enroll-code', '--team', teamOf[i] as string),
        )?.[1];
        await laptop.enroll(code ?? '');
        await laptop.signIn(`inspector${String(i)}`, PASSWORD);
      }
      useProxy = true;

      const made = new Map<string, Operation[]>([
        ['team-1', []],
        ['team-2', []],
      ]);
      const acknowledged = new Map<string, Set<string>>([
        ['team-1', new Set()],
        ['team-2', new Set()],
      ]);
      const counts = {
        operations: 0,
        kills: 0,
        failedRequests: 0,
        pushes: 0,
        pulls: 0,
        relays: 0,
        served: 0,
        notYetServed: 0,
      };
      interface Photo {
        readonly owner: ReferenceLaptop;
        readonly team: string;
        readonly bytes: Uint8Array<ArrayBuffer>;
        readonly sha: string;
        uploaded: boolean;
        calls: number;
      }
      const photos: Photo[] = [];
      const wrongServed: string[] = [];
      const newPhoto = (owner: ReferenceLaptop, team: string): Photo => {
        const bytes = new Uint8Array(randomBytes(random.between(100_000, 1_500_000)));
        const sha = createHash('sha256').update(bytes).digest('hex');
        const op = owner.edit('photos', `photo-${sha.slice(0, 16)}`, 'sha256', sha);
        made.get(team)?.push(op);
        counts.operations += 1;
        const photo: Photo = { owner, team, bytes, sha, uploaded: false, calls: 0 };
        photos.push(photo);
        return photo;
      };
      const until = Date.now() + SECONDS * 1000;

      // The killer: SIGKILL at random moments, restarted on the same data after a short while.
      const killer = (async () => {
        while (Date.now() < until) {
          await sleep(random.between(1500, 5000));
          if (Date.now() >= until || !server) break;
          await server.stop('SIGKILL');
          counts.kills += 1;
          await sleep(random.between(50, 700));
          server = await startServer(bundle, { home: fresh.home, database: fresh.databaseSetting });
        }
      })();

      const acknowledge = (laptop: ReferenceLaptop, before: Map<string, Operation>) => {
        const team = acknowledged.get(laptop.teamId ?? '') as Set<string>;
        for (const id of before.keys()) if (!laptop.outbox.has(id) && !laptop.refused.has(id)) team.add(id);
      };

      const work = laptops.map(async (laptop, i) => {
        const team = teamOf[i] as string;
        const rows = Array.from({ length: 8 }, (_, r) => `${team}-row-${String(r)}`);
        while (Date.now() < until) {
          const action = random.between(0, 11);
          try {
            if (action <= 3) {
              for (let n = random.between(1, 30); n > 0; n -= 1) {
                const op = laptop.edit(
                  'projects',
                  random.pick(rows),
                  random.pick(['name', 'owner', 'notes']),
                  `${laptop.name}-${String(counts.operations)}`,
                );
                made.get(team)?.push(op);
                counts.operations += 1;
              }
            } else if (action <= 6) {
              counts.pushes += 1;
              const before = new Map(laptop.outbox);
              try {
                await laptop.push();
              } finally {
                acknowledge(laptop, before);
              }
            } else if (action <= 8) {
              counts.pulls += 1;
              await laptop.pull();
            } else if (action === 10) {
              // A photo: a new one (its record names it), or the unfinished upload of an earlier one.
              const unfinished = photos.filter((p) => p.owner === laptop && !p.uploaded);
              const photo =
                unfinished.length > 0 && random.chance(0.7)
                  ? random.pick(unfinished)
                  : newPhoto(laptop, team);
              photo.calls += 1;
              await laptop.uploadBlob(photo.bytes, random.pick([64 * 1024, 256 * 1024, 1024 * 1024]));
              photo.uploaded = true;
            } else if (action === 11) {
              // Whatever the server serves is the whole photo, never a part or another's bytes.
              const ofTeam = photos.filter((p) => p.team === team);
              if (ofTeam.length > 0) {
                const photo = random.pick(ofTeam);
                const served = await laptop.downloadBlob(photo.sha);
                if (served === null) counts.notYetServed += 1;
                else {
                  counts.served += 1;
                  if (!Buffer.from(served).equals(photo.bytes)) wrongServed.push(photo.sha);
                }
              }
            } else {
              const peers = laptops.filter((other, j) => other !== laptop && teamOf[j] === team);
              if (peers.length > 0) {
                counts.relays += 1;
                laptop.receiveByUsb(random.pick(peers));
              }
            }
          } catch (error) {
            // 401 (a session the restarted server forgot) and 429 (a limit) are answers to retry later; any other refusal is a bug.
            if (error instanceof ServerRefusal && error.status < 500 && ![401, 429].includes(error.status))
              throw error;
            counts.failedRequests += 1;
          }
          await sleep(random.between(0, 40));
        }
      });
      await Promise.all([killer, ...work]);

      // Healing: no more faults, the server up, everyone pushes, then everyone pulls.
      proxy.faulty = false;
      proxy.cutAll();
      // The connections the proxy cut may still sit in a laptop's pool: a first try can meet one.
      const healed = async (step: () => Promise<unknown>) => {
        for (let attempt = 1; ; attempt += 1) {
          try {
            return await step();
          } catch (error) {
            if (attempt >= 5 || (error instanceof ServerRefusal && error.status < 500)) throw error;
            await sleep(200);
          }
        }
      };
      for (let round = 0; round < 2; round += 1) {
        for (const laptop of laptops) {
          const before = new Map(laptop.outbox);
          await healed(() => laptop.push()).finally(() => acknowledge(laptop, before));
        }
        for (const laptop of laptops) await healed(() => laptop.pull());
      }
      for (const photo of photos)
        if (!photo.uploaded) await healed(() => photo.owner.uploadBlob(photo.bytes));

      console.log(
        `[faults ${backend.name}] seed ${String(seed)}: ${String(counts.operations)} operations, ${String(counts.kills)} kills, ` +
          `${String(proxy.counts.droppedReplies)} replies dropped, ${String(proxy.counts.resets)} resets, ` +
          `${String(proxy.counts.delays)} delays, ${String(counts.failedRequests)} failed requests, ` +
          `${String(counts.pushes)} pushes, ${String(counts.pulls)} pulls, ${String(counts.relays)} USB relays, ` +
          `${String(photos.length)} photos (${String(photos.filter((p) => p.calls > 1).length)} uploads resumed), ` +
          `${String(counts.served)} downloads served whole, ${String(counts.notYetServed)} not yet served`,
      );

      for (const team of ['team-1', 'team-2']) {
        // The server's log, read from 0 by a laptop of the team that made nothing.
        const members = laptops.filter((_, i) => teamOf[i] === team);
        const reader = members[0] as ReferenceLaptop;
        const log = await reader.readLog();
        const identities = log.map(identityOf);
        expect(new Set(identities).size, `one stored copy per identity in ${team}`).toBe(identities.length);
        const stored = new Set(identities);
        const lost = [...(acknowledged.get(team) ?? [])].filter((id) => !stored.has(id));
        const why = lost
          .slice(0, 5)
          .map(
            (id) =>
              `${id.replaceAll('\u0000', ' ')} refused: ${laptops.map((l) => l.refused.get(id) ?? '-').join('|')}`,
          );
        expect(why, `acknowledged operations that did not survive (${String(lost.length)})`).toEqual([]);
        const everything = made.get(team) ?? [];
        expect(log.length, `every operation made in ${team} reached the server`).toBe(everything.length);
        const expected = mergedText(everything);
        expect(mergedText(log), `the server's log merges to the merge of everything made in ${team}`).toBe(
          expected,
        );
        for (const laptop of members) {
          expect(laptop.outbox.size, `${laptop.name}'s outbox is empty`).toBe(0);
          expect(laptop.refused.size, `${laptop.name} had nothing refused`).toBe(0);
          expect(laptop.stateText(), `${laptop.name} = the merge of everything made in ${team}`).toBe(
            expected,
          );
          const trail = laptop.cursorTrail;
          for (let k = 1; k < trail.length; k += 1)
            expect(trail[k] as number, `${laptop.name}'s cursor never went back`).toBeGreaterThanOrEqual(
              trail[k - 1] as number,
            );
        }
        // A new laptop of the team starts from the snapshot and ends in the same state.
        const newcomer = new ReferenceLaptop({ name: `new-${team}`, baseUrl: direct });
        const code = /Enrollment code: (\S+)/.exec(await admin('enroll-code', '--team', team))?.[1];
        await newcomer.enroll(code ?? '');
        await newcomer.signIn(`inspector${String(teamOf.indexOf(team))}`, PASSWORD);
        await newcomer.startFromSnapshot();
        await newcomer.pull();
        expect(newcomer.stateText(), `a new laptop of ${team} from the snapshot`).toBe(expected);
      }
      expect(wrongServed, 'no partial or wrong photo was ever served').toEqual([]);
      for (const photo of photos) {
        const reader = laptops.find((l) => l.teamId === photo.team) as ReferenceLaptop;
        const served = await reader.downloadBlob(photo.sha);
        expect(served && Buffer.from(served).equals(photo.bytes), `photo ${photo.sha} served whole`).toBe(
          true,
        );
      }
      expect(counts.kills, 'the server was killed at least once').toBeGreaterThan(0);
    },
    (SECONDS + 120) * 1000,
  );
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

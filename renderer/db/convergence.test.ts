// Property test of the real Dexie path: three or four laptops (fake-indexeddb databases) make random
// local writes through the record writer — several patches in one write, deletions, clocks that
// disagree — and hand each other their operations in random orders, duplicated and in pieces, through
// the same apply the USB import and sync use. Once every laptop has heard every other, all hold
// identical rows, field clocks included.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeProject } from '../../test/fixtures/records';
import type { Project } from '../../shared/domain/project';
import { DELETED_FIELD, type Operation } from '../../shared/sync/operation';
import { createDatabase, type DuchaDatabase } from './database';
import { applyOperations, type RecordPatch, writeRecords } from './record-writer';
import { pendingOperations } from './repositories/outbox';

const RUNS = Number(process.env.DUCHA_PROPERTY_RUNS ?? 200);
const PROJECTS = ['019a0000-0000-7000-8000-0000000000a1', '019a0000-0000-7000-8000-0000000000b2'];
const PHASES = ['preparation', 'underConstruction', 'continuing', 'completed', 'operating'] as const;

/** One patch of a local write: a field of one of the projects, or its deletion. */
const patchArb: fc.Arbitrary<RecordPatch<'projects'>> = fc.oneof(
  fc.record({
    table: fc.constant('projects' as const),
    id: fc.constantFrom(...PROJECTS),
    fields: fc.oneof(
      fc.record({ phase: fc.constantFrom(...PHASES) }),
      fc.record({ notes: fc.constantFrom('', '道路未通', '设备到场', 'B') }),
      fc.record({ owner: fc.constantFrom('思茅区水务局', '普洱市水务产业投资公司') }),
      fc.record({ planYear: fc.constantFrom(2025, 2026) }),
    ),
  }),
  {
    weight: 1,
    arbitrary: fc.record({
      table: fc.constant('projects' as const),
      id: fc.constantFrom(...PROJECTS),
      fields: fc.constant({ [DELETED_FIELD]: true } as Partial<Project>),
    }),
  },
);

type Step =
  | { kind: 'write'; laptop: number; patches: RecordPatch<'projects'>[]; advanceMs: number }
  | { kind: 'send'; from: number; to: number; cut: number; seed: number };

const stepArb = (laptops: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('write' as const),
        laptop: fc.nat({ max: laptops - 1 }),
        patches: fc.array(patchArb, { minLength: 1, maxLength: 4 }),
        advanceMs: fc.constantFrom(0, 0, 1, 7, 1000),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('send' as const),
        from: fc.nat({ max: laptops - 1 }),
        to: fc.nat({ max: laptops - 1 }),
        cut: fc.nat({ max: 30 }),
        seed: fc.nat(),
      }),
    },
  );

const scenarioArb = fc.integer({ min: 3, max: 4 }).chain((laptops) =>
  fc.record({
    laptops: fc.constant(laptops),
    skews: fc.array(fc.integer({ min: -3000, max: 3000 }), { minLength: laptops, maxLength: laptops }),
    steps: fc.array(stepArb(laptops), { minLength: 1, maxLength: 25 }),
  }),
);

/** A deterministic shuffle, so a failing case replays exactly. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Hands over what `from` wrote, shuffled, with some of it twice, in two pieces. */
async function send(from: DuchaDatabase, to: DuchaDatabase, cut: number, seed: number, now: number) {
  const ops: Operation[] = shuffled(await pendingOperations(from), seed);
  const at = Math.min(cut, ops.length);
  await applyOperations(to, [...ops.slice(0, at), ...ops.slice(0, at >> 1)], now);
  await applyOperations(to, ops.slice(at), now);
}

const contents = async (db: DuchaDatabase) =>
  (await db.projects.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1));

let run = 0;

describe('laptops writing through Dexie and exchanging operations', () => {
  it('end with identical rows and clocks, whatever the order, duplication and batching', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ laptops, skews, steps }) => {
        run += 1;
        const dbs = await Promise.all(
          Array.from({ length: laptops }, async (_, i) => {
            const db = createDatabase(`convergence-${String(run)}-${String(i)}`);
            await db.open();
            return db;
          }),
        );
        try {
          let wall = 1_700_000_000_000;
          const clockOf = (laptop: number) => wall + (skews[laptop] ?? 0);
          const first = dbs[0] as DuchaDatabase;
          await writeRecords(
            first,
            PROJECTS.map((id) => ({ table: 'projects', id, fields: makeProject({ id }) })),
            clockOf(0),
          );
          for (const db of dbs.slice(1)) await send(first, db, 0, 1, clockOf(0));
          for (const step of steps) {
            if (step.kind === 'write') {
              wall += step.advanceMs;
              await writeRecords(dbs[step.laptop] as DuchaDatabase, step.patches, clockOf(step.laptop));
            } else if (step.from !== step.to) {
              const to = dbs[step.to] as DuchaDatabase;
              await send(dbs[step.from] as DuchaDatabase, to, step.cut, step.seed, clockOf(step.to));
            }
          }
          // Everyone hears everyone, each in an order of its own.
          for (const [i, to] of dbs.entries())
            for (const [j, from] of dbs.entries()) if (i !== j) await send(from, to, i + j, i * 31 + j, wall);
          const expected = await contents(first);
          for (const db of dbs.slice(1)) expect(await contents(db)).toEqual(expected);
        } finally {
          for (const db of dbs) {
            db.close();
            await db.delete();
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

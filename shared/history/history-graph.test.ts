// Histories that fork and join: laptops apart each append to their copy of an issue's history, copies
// meet (a bundle crosses), and the next step follows every head. Every honest history verifies;
// any altered or dropped entry is named; clock order keeps each entry after those it follows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IssueEvent } from '../domain/issue';
import { branchMarks } from './branches';
import { hashEntrySync, issueChain, verifyChain } from './chain';
import { headsOf, inClockOrder, nextPosition, parentsOf } from './history-graph';

const ISSUE = '019c4b01-91c0-7d8e-84a9-d8bd78a0fca9';
let counter = 0;

/** A step appended by a laptop to its copy of the history, as issue-steps.ts does it. */
function append(copy: IssueEvent[], note: string, minute: number): IssueEvent {
  const at = new Date(Date.UTC(2026, 11, 1, 1, minute)).toISOString();
  const entry: Omit<IssueEvent, 'hash'> = {
    id: `019c4b01-91c0-7d8e-84a9-${String(counter++).padStart(12, '0')}`,
    createdAt: at,
    updatedAt: at,
    issueId: ISSUE,
    ...nextPosition(copy),
    kind: copy.length === 0 ? 'created' : 'progressNoted',
    fromStatus: copy.length === 0 ? null : 'inProgress',
    toStatus: copy.length === 0 ? 'draft' : 'inProgress',
    actorName: '王海涛',
    at,
    note,
    evidencePhotoSha256: [],
    newDeadline: null,
  };
  const event: IssueEvent = { ...entry, hash: hashEntrySync(entry.prevHash, entry) };
  copy.push(event);
  return event;
}

/** What a bundle does to a history: the union of both copies' entries. */
const meet = (a: IssueEvent[], b: IssueEvent[]): IssueEvent[] => {
  const byId = new Map([...a, ...b].map((e) => [e.id, e]));
  return [...byId.values()];
};

describe('a history that forks and joins', () => {
  it('keeps both laptops’ steps, verifies, and joins them with the next step', async () => {
    const a: IssueEvent[] = [];
    append(a, '发现问题', 0);
    append(a, '已签收', 1);
    const b = [...a];
    const onA = append(a, 'A 改了时限', 2);
    const onB = append(b, 'B 改了时限', 3);
    expect(onA.seq).toBe(onB.seq); // the same place in both copies: an honest fork
    expect(onA.prevHash).toBe(onB.prevHash);

    const merged = meet(a, b);
    expect(await verifyChain(merged)).toEqual({ ok: true });
    expect(
      headsOf(merged)
        .map((e) => e.id)
        .sort(),
    ).toEqual([onA.id, onB.id].sort());
    const marks = branchMarks(merged);
    expect(marks.get(onA.id)).toEqual({ apart: true, join: false });
    expect(marks.get(merged[0]!.id)).toEqual({ apart: false, join: false });

    const joined = append(merged, '督查办裁定', 4);
    expect(parentsOf(joined).sort()).toEqual([onA.hash, onB.hash].sort());
    expect(joined.joins).toHaveLength(1);
    expect(joined.seq).toBe(onA.seq + 1);
    expect(await verifyChain(merged)).toEqual({ ok: true });
    expect(branchMarks(merged).get(joined.id)).toEqual({ apart: false, join: true });
    expect(inClockOrder(merged).map((e) => e.note)).toEqual([
      '发现问题',
      '已签收',
      'A 改了时限',
      'B 改了时限',
      '督查办裁定',
    ]);
  });

  it('names an altered entry on a branch, a dropped entry, and a forged join', async () => {
    const a: IssueEvent[] = [];
    append(a, 'x', 0);
    const b = [...a];
    const onA = append(a, 'a1', 1);
    append(b, 'b1', 2);
    const merged = meet(a, b);
    append(merged, 'join', 3);

    const altered = merged.map((e) => (e.id === onA.id ? { ...e, note: '改过' } : e));
    expect(await verifyChain(altered)).toMatchObject({ ok: false, entryId: onA.id });

    const dropped = merged.filter((e) => e.id !== onA.id); // the join now follows a missing entry
    expect(await verifyChain(dropped)).toMatchObject({ ok: false, entryId: merged.at(-1)!.id });

    const last = merged.at(-1)!;
    const { hash: _h, ...rest } = last;
    const unsorted = { ...rest, joins: [...(last.joins ?? []), last.prevHash!] }; // names a parent twice
    const forged = [
      ...merged.slice(0, -1),
      { ...unsorted, hash: hashEntrySync(unsorted.prevHash, unsorted) },
    ];
    expect(await verifyChain(forged)).toMatchObject({ ok: false, entryId: last.id });
  });

  it('a history without joins hashes exactly as before joins existed', () => {
    const copy: IssueEvent[] = [];
    const first = append(copy, 'a', 0);
    const second = append(copy, 'b', 1);
    expect('joins' in second).toBe(false);
    expect(issueChain.chainText(second.prevHash, second)).not.toContain('joins');
    expect(second.prevHash).toBe(first.hash);
  });

  it('any interleaving of laptops appending and meeting verifies, in an order that respects links', async () => {
    // Each command: a laptop appends, or two laptops exchange (each gets the union).
    const command = fc.oneof(
      fc.record({ kind: fc.constant('step' as const), laptop: fc.nat(2) }),
      fc.record({ kind: fc.constant('meet' as const), laptop: fc.nat(2), other: fc.nat(2) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 30 }), async (commands) => {
        const first: IssueEvent[] = [];
        append(first, 'created', 0);
        const copies = [first, [...first], [...first]];
        commands.forEach((c, minute) => {
          if (c.kind === 'step') append(copies[c.laptop]!, `step ${minute}`, minute + 1);
          else {
            const union = meet(copies[c.laptop]!, copies[c.other]!);
            copies[c.laptop] = [...union];
            copies[c.other] = [...union];
          }
        });
        const all = meet(meet(copies[0]!, copies[1]!), copies[2]!);
        for (const copy of [...copies, all]) expect(await verifyChain(copy)).toEqual({ ok: true });
        const ordered = inClockOrder(all);
        const place = new Map(ordered.map((e, i) => [e.hash, i]));
        for (const e of ordered)
          for (const parent of parentsOf(e)) expect(place.get(parent)!).toBeLessThan(place.get(e.hash)!);
        // Tampering with any one entry's note is named.
        const victim = all[commands.length % all.length]!;
        const tampered = all.map((e) => (e.id === victim.id ? { ...e, note: `${e.note}!` } : e));
        expect(await verifyChain(tampered)).toMatchObject({ ok: false, entryId: victim.id });
      }),
      { numRuns: 300 },
    );
  });
});

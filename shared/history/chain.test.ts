import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IssueEventSchema, type IssueEvent } from '../domain/issue';
import { canonicalJson } from '../sync/canonical-json';
import { chainText, hashEntry, hashEntrySync, sealChain, verifyChain, type ChainEntry } from './chain';

const ISSUE = '019c4b01-91c0-7d8e-84a9-d8bd78a0fca9';

function history(notes: string[]): IssueEvent[] {
  return sealChain(
    notes.map((note, i) => {
      const at = new Date(Date.UTC(2026, 2, 1, 1, i)).toISOString();
      return {
        id: `019c4b01-91c0-7d8e-84a9-d8bd78a0f${String(i).padStart(3, '0')}`,
        createdAt: at,
        updatedAt: at,
        issueId: ISSUE,
        seq: 0,
        kind: i === 0 ? 'created' : 'progressNoted',
        fromStatus: i === 0 ? null : 'inProgress',
        toStatus: i === 0 ? 'draft' : 'inProgress',
        actorName: '王海涛',
        at,
        note,
        evidencePhotoSha256: [],
        newDeadline: null,
        prevHash: null,
        hash: '',
      };
    }),
  );
}

const eventArb: fc.Arbitrary<ChainEntry> = fc.record({
  id: fc.string({ minLength: 1, maxLength: 64 }),
  createdAt: fc.string(),
  updatedAt: fc.string(),
  issueId: fc.string({ minLength: 1 }),
  seq: fc.nat(),
  kind: fc.constantFrom('created', 'issued', 'closed'),
  fromStatus: fc.constantFrom(null, 'draft', 'issued'),
  toStatus: fc.constantFrom('draft', 'issued', 'closed'),
  actorName: fc.string({ unit: 'grapheme' }),
  at: fc.string(),
  note: fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), // includes lone surrogates
  evidencePhotoSha256: fc.array(fc.stringMatching(/^[0-9a-f]{64}$/), { maxLength: 3 }),
  newDeadline: fc.constantFrom(null, '2026-04-01'),
  prevHash: fc.constantFrom(null, 'a'.repeat(64)),
});

describe('hash chain', () => {
  it('hashes exactly the canonical JSON of the recorded fields with prevHash, without hash', () => {
    const [first, second] = history(['现场督查发现。', '正在整改。']);
    if (!first || !second) throw new Error('no events');
    const { hash, ...fields } = second;
    expect(chainText(first.hash, second)).toBe(canonicalJson({ ...fields, prevHash: first.hash }));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same digest synchronously and through WebCrypto, for any content', async () => {
    await fc.assert(
      fc.asyncProperty(eventArb, fc.constantFrom(null, 'f'.repeat(64)), async (entry, prev) => {
        expect(hashEntrySync(prev, entry)).toBe(await hashEntry(prev, entry));
      }),
      { numRuns: 200 },
    );
  });

  it('seals a history into records that pass the schema and verify', async () => {
    const events = history(['现场督查发现。', '已签收。', '正在整改，完成约一半。']);
    for (const e of events) expect(IssueEventSchema.safeParse(e).success).toBe(true);
    expect(events.map((e) => e.seq)).toEqual([0, 1, 2]);
    expect(events[0]?.prevHash).toBeNull();
    expect(events[1]?.prevHash).toBe(events[0]?.hash);
    expect(await verifyChain(events)).toEqual({ ok: true });
    expect(await verifyChain([...events].reverse())).toEqual({ ok: true }); // any stored order
    expect(await verifyChain([])).toEqual({ ok: true });
  });

  it('reports the seq of the first entry that was changed', async () => {
    const events = history(['a', 'b', 'c', 'd', 'e']);
    for (let k = 0; k < events.length; k++) {
      const tampered = events.map((e) => ({ ...e }));
      const target = tampered[k];
      if (!target) throw new Error('missing');
      target.note = `${target.note}（已修改）`;
      expect(await verifyChain(tampered)).toMatchObject({ ok: false, brokenAt: k });
    }
    const forged = events.map((e) => ({ ...e }));
    if (forged[2]) forged[2].actorName = '别人';
    expect(await verifyChain(forged)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('detects re-hashed edits, dropped entries and entries from another issue', async () => {
    const events = history(['a', 'b', 'c', 'd']);
    // Edit entry 1 and recompute its own hash: entry 2 no longer links to it.
    const rehashed = events.map((e) => ({ ...e }));
    const one = rehashed[1];
    if (!one) throw new Error('missing');
    one.note = 'changed';
    one.hash = await hashEntry(one.prevHash, one); // `hash` is not part of what is hashed
    expect(await verifyChain(rehashed)).toMatchObject({ ok: false, brokenAt: 2 });

    expect(await verifyChain(events.filter((e) => e.seq !== 1))).toMatchObject({ ok: false, brokenAt: 1 });
    const foreign = events.map((e, i) => (i === 3 ? { ...e, issueId: 'other' } : e));
    expect(await verifyChain(foreign)).toMatchObject({ ok: false, brokenAt: 3 });
  });
});

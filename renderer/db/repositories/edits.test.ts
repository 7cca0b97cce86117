// Forms write only what the person changed, and a change made underneath (another laptop by USB,
// another window) is never overwritten silently. Two laptops are two fake-indexeddb databases that
// hand over through the same export snapshot, preview and apply the app runs.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { handOver } from '../../../test/fixtures/hand-over';
import { ensureDevice } from '../device-clock';
import { makeIssue, makeProject, makeVisit } from '../../../test/fixtures/records';
import { type Fen, parseWan } from '../../../shared/domain/money';
import type { Project } from '../../../shared/domain/project';
import { decodeHlc } from '../../../shared/sync/hlc';
import type { Visit } from '../../../shared/domain/visit';
import { createDatabase, type DuchaDatabase, recordOfStored } from '../database';
import { pendingOperations } from './outbox';
import { saveEdits } from './edits';
import { deviceIdentity, setDeviceName } from './exchange/device-identity';
import { applyIssueStep } from './issue-steps';
import { saveProjectEdits } from './projects';
import { createRecords, updateRecord } from './records';
import { saveVisitEdits, VisitLockedError } from './visits';

const wan = (text: string): Fen => parseWan(text) as Fen;

let counter = 0;
const open: DuchaDatabase[] = [];
async function laptop(name?: string): Promise<DuchaDatabase> {
  const db = createDatabase(`edits-test-${String(++counter)}`);
  await db.open();
  open.push(db);
  if (name) await setDeviceName(db, name);
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Everything both laptops must agree on: the records and every field's clock. */
const contents = async (db: DuchaDatabase) => ({
  projects: await db.projects.toArray(),
  visits: await db.visits.toArray(),
  issues: await db.issues.toArray(),
  issueEvents: await db.issueEvents.toArray(),
});

/** A and B both hold the project; A's form opens on it (its base is the project as A holds it then). */
async function twoLaptopsWithProject() {
  const a = await laptop('督查组笔记本A');
  const b = await laptop('督查组笔记本B');
  await createRecords(a, 'projects', [makeProject()], 1_000);
  await handOver(a, b);
  const base = recordOfStored<Project>((await a.projects.get(makeProject().id))!);
  return { a, b, base };
}

describe('a form saves only what the person changed', () => {
  it('keeps the funding figure another laptop changed while the project form was open', async () => {
    const { a, b, base } = await twoLaptopsWithProject();
    // B changes the funding; it reaches A by USB while A's form is open.
    const funding = [{ source: 'centralSubsidy' as const, committed: wan('4350'), arrived: wan('5000') }];
    await updateRecord(b, 'projects', base.id, { funding }, 2_000);
    await handOver(b, a);
    // A changes the phase and saves the whole form, every other field as it was when the form opened.
    const result = await saveProjectEdits(a, base.id, { base, edited: { ...base, phase: 'completed' } });
    expect(result).toEqual({ ok: true, changedFields: ['phase'] });
    expect((await a.projects.get(base.id))?.funding).toEqual(funding);
    expect((await a.projects.get(base.id))?.phase).toBe('completed');
    // Only the phase (and the time of the change) left A of its own (B's change, received by USB, waits
    // in A's outbox too, to be relayed to the server).
    const node = await ensureDevice(a);
    const sent = (await pendingOperations(a)).filter((op) => op.hlc > '000000000002000' && op.node === node);
    expect(sent.map((op) => op.field).sort()).toEqual(['phase', 'updatedAt']);
    await handOver(a, b);
    expect((await b.projects.get(base.id))?.funding).toEqual(funding);
    expect((await b.projects.get(base.id))?.phase).toBe('completed');
    expect(await contents(b)).toEqual(await contents(a));
  });

  it('keeps the weather another laptop typed while the visit form was open', async () => {
    const a = await laptop();
    const b = await laptop();
    await createRecords(a, 'visits', [makeVisit()], 1_000);
    await handOver(a, b);
    const base = recordOfStored<Visit>((await a.visits.get(makeVisit().id))!);
    await updateRecord(b, 'visits', base.id, { weather: '小雨' }, 2_000);
    await handOver(b, a);
    const edited = { ...base, progressNarrative: '主体结构完成，正在安装设备' };
    expect(await saveVisitEdits(a, base.id, { base, edited })).toEqual({
      ok: true,
      changedFields: ['progressNarrative'],
    });
    await handOver(a, b);
    for (const db of [a, b]) {
      expect(await db.visits.get(base.id)).toMatchObject({
        weather: '小雨',
        progressNarrative: '主体结构完成，正在安装设备',
      });
    }
    expect(await contents(b)).toEqual(await contents(a));
  });

  it('keeps a description another laptop changed when an issue step is taken', async () => {
    const a = await laptop();
    const b = await laptop();
    await createRecords(a, 'issues', [makeIssue()], 1_000);
    await handOver(a, b);
    await updateRecord(b, 'issues', 'issue-1', { description: '东侧围挡约20米倒塌' }, 2_000);
    await handOver(b, a);
    await applyIssueStep(a, 'issue-1', { kind: 'acknowledged', actorName: '李明', note: '' }, 3_000);
    await handOver(a, b);
    for (const db of [a, b]) {
      expect(await db.issues.get('issue-1')).toMatchObject({
        description: '东侧围挡约20米倒塌',
        status: 'acknowledged',
      });
      expect((await db.issueEvents.toArray()).map((e) => e.kind)).toEqual(['acknowledged']);
    }
    expect(await contents(b)).toEqual(await contents(a));
  });
});

describe('a field changed underneath the form', () => {
  it('comes back as a conflict naming the other laptop and when, and nothing is written', async () => {
    const { a, b, base } = await twoLaptopsWithProject();
    await updateRecord(b, 'projects', base.id, { phase: 'continuing', notes: 'B的备注' }, 2_000);
    await handOver(b, a);
    const before = await contents(a);
    const outbox = await a.outbox.count();
    const edited = { ...base, phase: 'completed' as const, owner: '普洱市水务产业投资公司' };
    const result = await saveProjectEdits(a, base.id, { base, edited });
    expect(result).toEqual({
      ok: false,
      conflicts: [
        {
          field: 'phase',
          base: 'underConstruction',
          mine: 'completed',
          theirs: 'continuing',
          // When B wrote it, by B's clock for that field.
          theirsAt: new Date(decodeHlc((await b.projects.get(base.id))!._clocks.phase!).wall).toISOString(),
          theirsBy: '督查组笔记本B',
        },
      ],
    });
    expect(await contents(a)).toEqual(before);
    expect(await a.outbox.count()).toBe(outbox);
  });

  it('saves exactly what the person picked: theirs kept, or mine written', async () => {
    const { a, b, base } = await twoLaptopsWithProject();
    await updateRecord(b, 'projects', base.id, { phase: 'continuing' }, 2_000);
    await handOver(b, a);
    const edited = { ...base, phase: 'completed' as const, owner: '普洱市水务产业投资公司' };

    const keepTheirs = await saveProjectEdits(a, base.id, { base, edited, resolutions: { phase: 'theirs' } });
    expect(keepTheirs).toEqual({ ok: true, changedFields: ['owner'] });
    expect(await a.projects.get(base.id)).toMatchObject({ phase: 'continuing', owner: edited.owner });

    const now = recordOfStored<Project>((await a.projects.get(base.id))!);
    await updateRecord(b, 'projects', base.id, { phase: 'operating' }, 3_000);
    await handOver(b, a);
    const useMine = await saveProjectEdits(a, base.id, {
      base: now,
      edited: { ...now, phase: 'completed' },
      resolutions: { phase: 'mine' },
    });
    expect(useMine).toEqual({ ok: true, changedFields: ['phase'] });
    expect((await a.projects.get(base.id))?.phase).toBe('completed');
  });

  it('names no laptop when it was this laptop (another window), and sees no conflict in an equal value', async () => {
    const db = await laptop();
    await createRecords(db, 'projects', [makeProject()], 1_000);
    const base = recordOfStored<Project>((await db.projects.get(makeProject().id))!);
    await updateRecord(db, 'projects', base.id, { notes: '另一个窗口', phase: 'completed' }, 2_000);
    const result = await saveEdits(db, 'projects', base.id, {
      base,
      edited: { ...base, notes: '这个窗口', phase: 'completed' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.conflicts.map((c) => [c.field, c.theirs, c.theirsBy])).toEqual([
      ['notes', '另一个窗口', null],
    ]);
    expect((await deviceIdentity(db)).node).toBeTruthy();
  });

  it('refuses to edit a finalized visit', async () => {
    const db = await laptop();
    await createRecords(db, 'visits', [makeVisit({ status: 'finalized' })], 1_000);
    const base = recordOfStored<Visit>((await db.visits.get(makeVisit().id))!);
    await expect(
      saveVisitEdits(db, base.id, { base, edited: { ...base, weather: '晴' } }),
    ).rejects.toBeInstanceOf(VisitLockedError);
  });
});

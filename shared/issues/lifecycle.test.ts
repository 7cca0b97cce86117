import { describe, expect, it } from 'vitest';
import type { IssueStatus } from '../domain/issue';
import { SCRIPTS, statusAfter } from '../sample/lifecycle';
import { colourCard } from './colour-card';
import { allowedSteps, planStep, type StepInput, type StepKind } from './lifecycle';

const AT = '2026-11-20T02:00:00.000Z';
const issue = (status: IssueStatus, deadline = '2026-11-30') => ({ id: 'i1', status, deadline });
const step = (kind: StepKind, extra: Partial<StepInput> = {}): StepInput => ({
  kind,
  actorName: '王督查',
  note: '',
  ...extra,
});

describe('the rectification lifecycle', () => {
  it('walks the whole path, with a refused and a granted extension and a failed re-inspection', () => {
    let current = issue('draft');
    const walk: [StepKind, Partial<StepInput>][] = [
      ['issued', { noticeNumber: '督查〔2026〕12号' }],
      ['acknowledged', {}],
      ['progressNoted', { note: '已开始补设围挡' }],
      ['extensionRequested', { note: '材料未到', newDeadline: '2026-12-10' }],
      ['extensionRefused', { note: '理由不充分' }],
      ['extensionRequested', { note: '雨季停工', newDeadline: '2026-12-10' }],
      ['extensionGranted', { note: '同意延期' }],
      ['rectificationReported', { note: '已整改', evidencePhotoSha256: ['a'.repeat(64)] }],
      ['reinspectionRequested', {}],
      ['sentBack', { note: '东侧仍有缺口' }],
      ['rectificationReported', { note: '已补齐' }],
      ['reinspectionRequested', {}],
      ['closed', { evidencePhotoSha256: ['b'.repeat(64)] }],
    ];
    const statuses: IssueStatus[] = [];
    let pending: string | null = null;
    for (const [kind, extra] of walk) {
      const plan = planStep(current, step(kind, extra), AT, pending);
      expect(plan.ok, kind).toBe(true);
      if (!plan.ok) return;
      if (kind === 'extensionRequested') pending = plan.entry.newDeadline;
      current = { ...current, ...plan.changes };
      statuses.push(current.status);
    }
    expect(statuses).toEqual([
      'issued',
      'acknowledged',
      'inProgress',
      'extensionRequested',
      'inProgress',
      'extensionRequested',
      'inProgress',
      'rectificationReported',
      'awaitingReinspection',
      'inProgress',
      'rectificationReported',
      'awaitingReinspection',
      'closed',
    ]);
    expect(current.deadline).toBe('2026-12-10');
  });

  it('refuses steps that do not follow the status, and says why', () => {
    expect(planStep(issue('draft'), step('closed', { evidencePhotoSha256: ['a'] }), AT)).toEqual({
      ok: false,
      refusal: 'notAllowed',
    });
    expect(planStep(issue('closed'), step('progressNoted'), AT)).toEqual({
      ok: false,
      refusal: 'notAllowed',
    });
    expect(planStep(issue('awaitingReinspection'), step('closed'), AT)).toEqual({
      ok: false,
      refusal: 'afterPhotosRequired',
    });
    expect(planStep(issue('awaitingReinspection'), step('sentBack'), AT)).toEqual({
      ok: false,
      refusal: 'noteRequired',
    });
    expect(planStep(issue('inProgress'), step('extensionRequested', { note: '雨季' }), AT)).toEqual({
      ok: false,
      refusal: 'deadlineRequired',
    });
    expect(
      planStep(
        issue('inProgress'),
        step('extensionRequested', { note: '雨季', newDeadline: '2026-11-30' }),
        AT,
      ),
    ).toEqual({ ok: false, refusal: 'deadlineNotLater' });
    expect(planStep(issue('issued'), step('acknowledged', { actorName: ' ' }), AT)).toEqual({
      ok: false,
      refusal: 'actorRequired',
    });
  });

  it('records the close-out time, and the extension only moves the deadline once granted', () => {
    const closed = planStep(
      issue('awaitingReinspection'),
      step('closed', { evidencePhotoSha256: ['c'] }),
      AT,
    );
    expect(closed).toMatchObject({ ok: true, changes: { status: 'closed', closedAt: AT } });
    const asked = planStep(
      issue('inProgress'),
      step('extensionRequested', { note: 'x', newDeadline: '2026-12-31' }),
      AT,
    );
    expect(asked).toMatchObject({ ok: true, entry: { newDeadline: '2026-12-31' } });
    expect(asked.ok && 'deadline' in asked.changes).toBe(false);
  });

  it('lets the office set a new deadline with a reason, in any open status, leaving the status', () => {
    const ok = planStep(
      issue('inProgress'),
      step('deadlineChanged', { note: '调度会决定', newDeadline: '2026-11-20' }),
      AT,
    );
    // An earlier deadline is allowed too: the office may tighten it.
    expect(ok).toMatchObject({
      ok: true,
      changes: { status: 'inProgress', deadline: '2026-11-20' },
      entry: { fromStatus: 'inProgress', toStatus: 'inProgress', newDeadline: '2026-11-20' },
    });
    const noReason = step('deadlineChanged', { newDeadline: '2026-12-20' });
    expect(planStep(issue('issued'), noReason, AT)).toEqual({ ok: false, refusal: 'noteRequired' });
    const same = step('deadlineChanged', { note: 'x', newDeadline: '2026-11-30' });
    expect(planStep(issue('issued'), same, AT)).toEqual({ ok: false, refusal: 'deadlineUnchanged' });
    const closed = step('deadlineChanged', { note: 'x', newDeadline: '2026-12-20' });
    expect(planStep(issue('closed'), closed, AT)).toEqual({ ok: false, refusal: 'notAllowed' });
  });

  it('flags an issue for the joint meeting once, and clears only a flagged one', () => {
    const open = { ...issue('acknowledged'), needsCoordination: false };
    expect(planStep(open, step('coordinationFlagged'), AT)).toMatchObject({
      ok: true,
      changes: { status: 'acknowledged', needsCoordination: true },
    });
    const flagged = { ...open, needsCoordination: true };
    expect(planStep(flagged, step('coordinationFlagged'), AT)).toEqual({
      ok: false,
      refusal: 'alreadyFlagged',
    });
    expect(planStep(open, step('coordinationCleared'), AT)).toEqual({ ok: false, refusal: 'notFlagged' });
    expect(allowedSteps('acknowledged', true)).toContain('coordinationCleared');
    expect(allowedSteps('acknowledged', true)).not.toContain('coordinationFlagged');
    expect(allowedSteps('closed', false)).toEqual([]);
  });

  it('renumbers a provisional notice number from any status, a step sync takes and no screen offers', () => {
    for (const status of ['issued', 'inProgress', 'closed'] as const) {
      const plan = planStep(
        issue(status),
        {
          kind: 'noticeRenumbered',
          actorName: '李明',
          note: '督查〔2026〕临3号 → 督查〔2026〕12号',
          noticeNumber: '督查〔2026〕12号',
        },
        AT,
      );
      expect(plan.ok && plan.changes).toEqual({ status, noticeNumber: '督查〔2026〕12号' });
      expect(plan.ok && plan.entry.note).toBe('督查〔2026〕临3号 → 督查〔2026〕12号');
      expect(allowedSteps(status)).not.toContain('noticeRenumbered');
    }
    expect(planStep(issue('issued'), { kind: 'noticeRenumbered', actorName: '李明', note: '' }, AT)).toEqual({
      ok: false,
      refusal: 'notAllowed',
    });
  });

  it('lets the office decide between contradicting steps from any status, keeping or undoing a close-out', () => {
    const closed = { ...issue('closed'), closedAt: '2026-11-19T08:00:00.000Z' };
    // Keeping the send-back made on the other laptop reopens the closed issue.
    expect(
      planStep(closed, step('stepsDecided', { note: '复查不彻底', decidedStatus: 'inProgress' }), AT),
    ).toMatchObject({
      ok: true,
      changes: { status: 'inProgress', closedAt: null },
      entry: { kind: 'stepsDecided', fromStatus: 'closed', toStatus: 'inProgress' },
    });
    // Keeping the close-out keeps its time.
    const reopened = { ...issue('inProgress'), closedAt: '2026-11-19T08:00:00.000Z' };
    expect(
      planStep(reopened, step('stepsDecided', { note: '已整改到位', decidedStatus: 'closed' }), AT),
    ).toMatchObject({ ok: true, changes: { status: 'closed', closedAt: '2026-11-19T08:00:00.000Z' } });
    expect(planStep(closed, step('stepsDecided', { note: '裁定' }), AT)).toEqual({
      ok: false,
      refusal: 'decisionRequired',
    });
    expect(planStep(closed, step('stepsDecided', { decidedStatus: 'inProgress' }), AT)).toEqual({
      ok: false,
      refusal: 'noteRequired',
    });
    // Offered beside the contradiction only, never among the steps of a status.
    for (const status of ['draft', 'issued', 'closed'] as const)
      expect(allowedSteps(status)).not.toContain('stepsDecided');
  });

  it('agrees with every path the sample campaign walks', () => {
    for (const [variant, script] of Object.entries(SCRIPTS)) {
      let status: IssueStatus = 'draft';
      for (const kind of script.kinds.slice(1)) {
        expect(allowedSteps(status), `${variant}: ${kind} after ${status}`).toContain(kind);
        status = statusAfter(kind);
      }
    }
  });
});

describe('colour cards', () => {
  it('are green, yellow within three days, red once the deadline has passed, none once closed', () => {
    expect(colourCard(issue('inProgress', '2026-11-30'), '2026-11-26')).toBe('green');
    expect(colourCard(issue('inProgress', '2026-11-30'), '2026-11-27')).toBe('yellow');
    expect(colourCard(issue('inProgress', '2026-11-30'), '2026-11-30')).toBe('yellow');
    expect(colourCard(issue('inProgress', '2026-11-30'), '2026-12-01')).toBe('red');
    expect(colourCard(issue('closed', '2026-11-30'), '2026-12-05')).toBeNull();
  });
});

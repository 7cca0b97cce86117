// The rectification lifecycle (整改) as rules: which step may follow which status, what each step
// needs, and the status it leads to (DOMAIN.md). Every command the app offers on an issue goes
// through `planStep`, so an impossible transition is refused in one place, with a reason the user
// can read, whatever screen asked for it.
import {
  ISSUE_STATUSES,
  type Issue,
  type IssueEvent,
  type IssueEventKind,
  type IssueStatus,
} from '../domain/issue';
import type { CloseOutRefusal } from './close-out';

export type StepKind = Exclude<IssueEventKind, 'created'>;

interface Rule {
  from: readonly IssueStatus[];
  /**
   * The status the step leads to; 'same' for office decisions that leave it where it is; 'decided'
   * for the office's decision between contradicting steps, which names the status it keeps.
   */
  to: IssueStatus | 'same' | 'decided';
}

const OPEN: readonly IssueStatus[] = ISSUE_STATUSES.filter((s) => s !== 'closed');

export const STEP_RULES: Record<StepKind, Rule> = {
  issued: { from: ['draft'], to: 'issued' },
  acknowledged: { from: ['issued'], to: 'acknowledged' },
  progressNoted: { from: ['acknowledged', 'inProgress'], to: 'inProgress' },
  extensionRequested: { from: ['acknowledged', 'inProgress'], to: 'extensionRequested' },
  extensionGranted: { from: ['extensionRequested'], to: 'inProgress' },
  extensionRefused: { from: ['extensionRequested'], to: 'inProgress' },
  rectificationReported: { from: ['acknowledged', 'inProgress'], to: 'rectificationReported' },
  reinspectionRequested: { from: ['rectificationReported'], to: 'awaitingReinspection' },
  closed: { from: ['awaitingReinspection'], to: 'closed' },
  sentBack: { from: ['awaitingReinspection'], to: 'inProgress' },
  deadlineChanged: { from: OPEN, to: 'same' },
  coordinationFlagged: { from: OPEN, to: 'same' },
  coordinationCleared: { from: OPEN, to: 'same' },
  // Offered only where steps taken apart contradict (shared/issues/contradicting-steps), from any status:
  // a close-out on one laptop may be what has to be undone.
  stepsDecided: { from: ISSUE_STATUSES, to: 'decided' },
  // Written by sync alone (renderer/db/repositories/sync/notice-pool), never offered as a command.
  noticeRenumbered: { from: ISSUE_STATUSES, to: 'same' },
};

export interface StepInput {
  kind: StepKind;
  actorName: string;
  note: string;
  /** A requested or granted extension's deadline (YYYY-MM-DD). */
  newDeadline?: string | null;
  /** Photos that show the work: after photos of a close-out. */
  evidencePhotoSha256?: readonly string[];
  /** The document number of a rectification notice, when the step issues one. */
  noticeNumber?: string | null;
  /** For stepsDecided: the status of the step the office keeps. */
  decidedStatus?: IssueStatus | null;
}

export type StepRefusal =
  | 'notAllowed' // the step does not follow the issue's status
  | 'noteRequired' // a refusal, a send-back or an extension needs its reason
  | 'deadlineRequired' // an extension needs the new deadline
  | 'deadlineNotLater' // … later than the one in force
  | 'deadlineUnchanged' // a new deadline the same as the one in force
  | 'alreadyFlagged' // flagged for the joint meeting already
  | 'notFlagged' // nothing to clear
  | 'afterPhotosRequired' // a close-out needs the re-inspection's after photos
  | 'actorRequired'
  | 'decisionRequired' // the office's decision names the step it keeps
  | CloseOutRefusal; // … and a signed, finalized re-inspection (close-out.ts, checked where visits are at hand)

export type StepPlan =
  | {
      ok: true;
      changes: Partial<Issue>;
      entry: Omit<IssueEvent, 'hash' | 'id' | 'createdAt' | 'updatedAt' | 'seq' | 'prevHash'>;
    }
  | { ok: false; refusal: StepRefusal };

const NEEDS_NOTE: ReadonlySet<StepKind> = new Set([
  'extensionRequested',
  'extensionGranted',
  'extensionRefused',
  'sentBack',
  'deadlineChanged',
  'stepsDecided',
]);

/** The steps of the lifecycle proper (the status moves), as opposed to the office's decisions. */
export const isStatusStep = (kind: StepKind): boolean => STEP_RULES[kind].to !== 'same';

/**
 * The steps that may follow the issue's status, in lifecycle order. With the issue's flag, the
 * joint-meeting step offered is the one that applies (flag or clear).
 */
export const allowedSteps = (status: IssueStatus, needsCoordination?: boolean): StepKind[] =>
  (Object.keys(STEP_RULES) as StepKind[]).filter(
    (k) =>
      STEP_RULES[k].from.includes(status) &&
      k !== 'stepsDecided' && // offered beside the contradiction it decides, not among the steps
      k !== 'noticeRenumbered' && // sync's own step
      !(k === 'coordinationFlagged' && needsCoordination === true) &&
      !(k === 'coordinationCleared' && needsCoordination !== true),
  );

/**
 * Checks a step against the issue and says what it changes and what its history entry records.
 * `pendingDeadline` is the deadline asked for by the open extension request (for a grant without
 * its own date). `at` is the instant the step happens.
 */
export function planStep(
  issue: Pick<Issue, 'status' | 'deadline' | 'id'> & Partial<Pick<Issue, 'needsCoordination' | 'closedAt'>>,
  input: StepInput,
  at: string,
  pendingDeadline: string | null = null,
): StepPlan {
  const rule = STEP_RULES[input.kind];
  if (!rule.from.includes(issue.status)) return { ok: false, refusal: 'notAllowed' };
  const actorName = input.actorName.trim();
  if (actorName === '') return { ok: false, refusal: 'actorRequired' };
  const note = input.note.trim();
  if (NEEDS_NOTE.has(input.kind) && note === '') return { ok: false, refusal: 'noteRequired' };
  const evidence = [...(input.evidencePhotoSha256 ?? [])];
  if (input.kind === 'closed' && evidence.length === 0) return { ok: false, refusal: 'afterPhotosRequired' };

  let newDeadline: string | null = null;
  const decided = input.decidedStatus ?? null;
  if (rule.to === 'decided' && decided === null) return { ok: false, refusal: 'decisionRequired' };
  const to = rule.to === 'same' ? issue.status : rule.to === 'decided' ? (decided ?? issue.status) : rule.to;
  const changes: Partial<Issue> = { status: to };
  // Keeping a close-out keeps its time (already merged in); keeping any other step reopens the issue.
  if (rule.to === 'decided') changes.closedAt = to === 'closed' ? (issue.closedAt ?? at) : null;
  if (input.kind === 'extensionRequested' || input.kind === 'extensionGranted') {
    newDeadline = input.newDeadline ?? (input.kind === 'extensionGranted' ? pendingDeadline : null);
    if (!newDeadline) return { ok: false, refusal: 'deadlineRequired' };
    if (newDeadline <= issue.deadline) return { ok: false, refusal: 'deadlineNotLater' };
    if (input.kind === 'extensionGranted') changes.deadline = newDeadline;
  }
  if (input.kind === 'deadlineChanged') {
    newDeadline = input.newDeadline ?? null;
    if (!newDeadline) return { ok: false, refusal: 'deadlineRequired' };
    if (newDeadline === issue.deadline) return { ok: false, refusal: 'deadlineUnchanged' };
    changes.deadline = newDeadline;
  }
  if (input.kind === 'coordinationFlagged') {
    if (issue.needsCoordination === true) return { ok: false, refusal: 'alreadyFlagged' };
    changes.needsCoordination = true;
  }
  if (input.kind === 'coordinationCleared') {
    if (issue.needsCoordination !== true) return { ok: false, refusal: 'notFlagged' };
    changes.needsCoordination = false;
  }
  if (input.kind === 'issued' && input.noticeNumber) changes.noticeNumber = input.noticeNumber;
  if (input.kind === 'noticeRenumbered') {
    if (!input.noticeNumber) return { ok: false, refusal: 'notAllowed' };
    changes.noticeNumber = input.noticeNumber;
  }
  if (input.kind === 'closed') changes.closedAt = at;
  return {
    ok: true,
    changes,
    entry: {
      issueId: issue.id,
      kind: input.kind,
      fromStatus: issue.status,
      toStatus: to,
      actorName,
      at,
      note,
      evidencePhotoSha256: evidence,
      newDeadline,
    },
  };
}

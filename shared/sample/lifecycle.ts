// The rectification lifecycle as the sample walks it (DOMAIN.md): draft → issued → acknowledged →
// in progress → (extension requested → granted / refused) → rectification reported → awaiting
// re-inspection → closed, or sent back → in progress again. Each script is one path through it; an
// issue's current status is where its script ends.
import type { IssueEventKind, IssueStatus } from '../domain/issue';

export const VARIANTS = [
  'draft',
  'issued',
  'acknowledged',
  'inProgress',
  'extensionRequested',
  'extensionGranted',
  'extensionRefused',
  'rectificationReported',
  'awaitingReinspection',
  'awaitingAfterExtension',
  'closed',
  'sentBack',
  'closedAfterSentBack',
] as const;
export type Variant = (typeof VARIANTS)[number];

const OPENING: IssueEventKind[] = ['created', 'issued', 'acknowledged', 'progressNoted'];
const REPORT: IssueEventKind[] = ['rectificationReported', 'reinspectionRequested'];

export interface Script {
  kinds: IssueEventKind[];
  /** Days the path needs between finding the problem and today. */
  minDays: number;
  /** How common the path is in a campaign's ledger. */
  weight: number;
}

export const SCRIPTS: Record<Variant, Script> = {
  draft: { kinds: ['created'], minDays: 0, weight: 4 },
  issued: { kinds: ['created', 'issued'], minDays: 0, weight: 8 },
  acknowledged: { kinds: ['created', 'issued', 'acknowledged'], minDays: 1, weight: 8 },
  inProgress: { kinds: OPENING, minDays: 2, weight: 18 },
  extensionRequested: { kinds: [...OPENING, 'extensionRequested'], minDays: 4, weight: 4 },
  extensionGranted: { kinds: [...OPENING, 'extensionRequested', 'extensionGranted'], minDays: 5, weight: 5 },
  extensionRefused: { kinds: [...OPENING, 'extensionRequested', 'extensionRefused'], minDays: 5, weight: 3 },
  rectificationReported: { kinds: [...OPENING, 'rectificationReported'], minDays: 4, weight: 8 },
  awaitingReinspection: { kinds: [...OPENING, ...REPORT], minDays: 5, weight: 8 },
  awaitingAfterExtension: {
    kinds: [...OPENING, 'extensionRequested', 'extensionGranted', ...REPORT],
    minDays: 8,
    weight: 2,
  },
  closed: { kinds: [...OPENING, ...REPORT, 'closed'], minDays: 6, weight: 26 },
  sentBack: { kinds: [...OPENING, ...REPORT, 'sentBack'], minDays: 7, weight: 3 },
  closedAfterSentBack: {
    kinds: [...OPENING, ...REPORT, 'sentBack', 'progressNoted', ...REPORT, 'closed'],
    minDays: 12,
    weight: 3,
  },
};

/** The status an event moves an issue to. */
export function statusAfter(kind: IssueEventKind): IssueStatus {
  switch (kind) {
    case 'created':
      return 'draft';
    case 'issued':
      return 'issued';
    case 'acknowledged':
      return 'acknowledged';
    case 'progressNoted':
    case 'extensionGranted':
    case 'extensionRefused':
    case 'sentBack':
      return 'inProgress';
    case 'extensionRequested':
      return 'extensionRequested';
    case 'rectificationReported':
      return 'rectificationReported';
    case 'reinspectionRequested':
      return 'awaitingReinspection';
    case 'closed':
      return 'closed';
    case 'deadlineChanged':
    case 'coordinationFlagged':
    case 'coordinationCleared':
    case 'stepsDecided':
    case 'noticeRenumbered':
      // Office decisions leave the status as it is; the sample's walks never contain them.
      throw new Error(`${kind} does not move an issue's status`);
  }
}

/** Whether the issue is still with the responsible unit (its deadline can be near or overdue). */
export function isOpenForRectification(status: IssueStatus): boolean {
  return (
    status === 'issued' ||
    status === 'acknowledged' ||
    status === 'inProgress' ||
    status === 'extensionRequested'
  );
}

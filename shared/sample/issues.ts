// Issues (问题清单) and their histories. Each issue is a problem from problems.ts found on a visit to its
// project; its history follows one lifecycle script (lifecycle.ts) from the visit to today, with
// re-inspections happening on the project's re-inspection visits where there are any. Deadlines are
// set around `today` so that the colour cards all occur: overdue (red), due within 3 days (yellow), later
// (green). Events get their hashes last (campaign.ts), once evidence photos are known.
import {
  DUST_CONTROL_TEMPLATE_KEY,
  FUNDS_USE_TEMPLATE_KEY,
  SAFETY_QUALITY_TEMPLATE_KEY,
} from '../checklists/builtin-templates';
import type { ChecklistResult } from '../domain/checklist';
import type { Issue, IssueEvent, IssueEventKind, IssueStatus } from '../domain/issue';
import type { ChecklistResults } from './checklist-results';
import type { GenContext } from './context';
import {
  chinaDay,
  chinaMs,
  dateOfDay as formatDay,
  fromWorkingMinutes,
  isoInstant as formatInstant,
  memoized,
  workingMinutes,
} from './dates';
import { isOpenForRectification, SCRIPTS, statusAfter, VARIANTS, type Variant } from './lifecycle';
import { type Organization, type TeamInfo, unitIn } from './organization';
import { countyOf } from './places';
import { GENERIC_PROBLEMS, PROJECT_PROBLEMS, type ProblemSpec } from './problems';
import type { ProjectInfo } from './projects';
import type { Rng } from './random';
import { eventNote, STATUS_LABELS } from './texts';
import { SUPERVISION_OFFICE_KEY } from './units';
import type { VisitInfo } from './visits';

export interface IssuePlan {
  issue: Issue;
  /** The history; prevHash and hash are filled in by sealChain once evidence photos are attached. */
  events: IssueEvent[];
  projectIndex: number;
  visitIndex: number | null;
  variant: Variant;
  /** Index in `events` of the first rectification report (its evidence is the "after" photo). */
  reportIndex: number | null;
  /** When the rectification notice went out, if it has. */
  issuedMs: number | null;
  /** When the problem was found (on the visit, if any). */
  foundMs: number;
}

const DAY_MS = 86_400_000;
const MINUTE = 60_000;
const DEFAULT_EXTRA_ISSUES = 10;

/**
 * `count` increasing instants in (start, end), spread over office hours: filling the whole span if
 * `closedEnd` (the next step is fixed at `end`), else only part of it (the history stops before now).
 */
function spread(rng: Rng, count: number, start: number, end: number, closedEnd: boolean): number[] {
  if (count === 0) return [];
  const from = workingMinutes(start);
  const span = Math.max(0, workingMinutes(end) - from);
  const weights = Array.from({ length: count + (closedEnd ? 1 : 0) }, () => rng.float(0.4, 1.6));
  const total = weights.reduce((a, b) => a + b, 0);
  const use = span * (closedEnd ? 1 : rng.float(0.5, 0.95));
  const out: number[] = [];
  let cumulative = 0;
  let prev = start;
  for (let i = 0; i < count; i++) {
    cumulative += weights[i] ?? 0;
    const at = fromWorkingMinutes(from + (use * cumulative) / total);
    const t = Math.max(prev + MINUTE, Math.floor(at / MINUTE) * MINUTE);
    out.push(t);
    prev = t;
  }
  return out;
}

interface Assignment {
  problem: ProblemSpec;
  projectIndex: number;
}

/** Which problem each issue is about, and where: the catalogue's first, then generic findings. */
function assignProblems(
  rng: Rng,
  projects: readonly ProjectInfo[],
  visitsByProject: Map<number, number[]>,
  requested: number | undefined,
): Assignment[] {
  const indexByKey = new Map(projects.map((p, i) => [p.key, i]));
  const bound: Assignment[] = [];
  for (const problem of PROJECT_PROBLEMS) {
    const projectIndex = indexByKey.get(problem.projectKey);
    if (projectIndex !== undefined) bound.push({ problem, projectIndex });
  }
  const count = requested ?? (projects.length > 0 ? bound.length + DEFAULT_EXTRA_ISSUES : 0);
  if (count > 0 && projects.length === 0) throw new RangeError('issues need at least one project');
  const out = bound.slice(0, count);
  // Generic findings go to projects that have been visited, if any.
  const visited = projects.map((_, i) => i).filter((i) => (visitsByProject.get(i) ?? []).length > 0);
  const pool = visited.length > 0 ? visited : projects.map((_, i) => i);
  while (out.length < count) out.push({ problem: rng.pick(GENERIC_PROBLEMS), projectIndex: rng.pick(pool) });
  return out;
}

/** The paths an issue found `days` ago can have walked, with their weights (index: days, capped). */
const FEASIBLE = Array.from({ length: Math.max(...VARIANTS.map((v) => SCRIPTS[v].minDays)) + 1 }, (_, days) =>
  VARIANTS.filter((v) => SCRIPTS[v].minDays <= days).map((v) => [v, SCRIPTS[v].weight] as const),
);

function chooseVariant(rng: Rng, days: number, draftVisit: boolean): Variant {
  if (draftVisit) return 'draft';
  return rng.weighted(FEASIBLE[Math.min(days, FEASIBLE.length - 1)] ?? [['draft', 1]]);
}

/** Makes sure every path occurs at least once (when there are enough issues old enough for it). */
function coverVariants(rng: Rng, variants: Variant[], days: number[], locked: boolean[]): void {
  for (const wanted of VARIANTS) {
    if (variants.includes(wanted)) continue;
    const counts = new Map<Variant, number>();
    for (const v of variants) counts.set(v, (counts.get(v) ?? 0) + 1);
    const candidates = rng
      .shuffle(variants.map((_, i) => i))
      .filter((i) => !locked[i] && (days[i] ?? 0) >= SCRIPTS[wanted].minDays);
    const donor = candidates.find((i) => (counts.get(variants[i] ?? 'draft') ?? 0) > 1);
    if (donor !== undefined) variants[donor] = wanted;
  }
}

function markChecklist(results: Map<string, ChecklistResult> | undefined, problem: ProblemSpec): void {
  if (!results) return;
  const mark = (templateKey: string, itemId: string | undefined): void => {
    const answers = results.get(templateKey)?.answers;
    if (!answers || itemId === undefined || !(itemId in answers)) return;
    answers[itemId] = { kind: 'yesNoNa', value: 'no', note: problem.title };
  };
  if (problem.dustItem !== undefined) mark(DUST_CONTROL_TEMPLATE_KEY, problem.dustItem);
  if (problem.category === 'misuseOfFunds') mark(FUNDS_USE_TEMPLATE_KEY, 'earmarked');
  if (problem.category === 'safety') mark(SAFETY_QUALITY_TEMPLATE_KEY, 'edgeProtection');
  if (problem.category === 'quality') mark(SAFETY_QUALITY_TEMPLATE_KEY, 'concealedWorks');
}

export function buildIssues(
  ctx: GenContext,
  org: Organization,
  projects: readonly ProjectInfo[],
  visits: readonly VisitInfo[],
  checklists: ChecklistResults,
  requested: number | undefined,
  /** How many issues (the first ones) get their whole history; the rest come in imported. */
  fullHistories = Number.POSITIVE_INFINITY,
): IssuePlan[] {
  const rng = ctx.rng.fork('issues');
  const issueId = ctx.ids('issues');
  const eventId = ctx.ids('issueEvents');
  const isoInstant = memoized(formatInstant);
  const dateOfDay = memoized(formatDay);
  const issuedNote = memoized((day) => eventNote(rng, 'issued', '', dateOfDay(day)));
  const grantedNote = memoized((day) => eventNote(rng, 'extensionGranted', '', dateOfDay(day)));
  const importedNote = (status: IssueStatus): string =>
    `由原问题台账导入，导入时状态：${STATUS_LABELS[status]}。`;

  const visitsByProject = new Map<number, number[]>();
  visits.forEach((v, i) => {
    const list = visitsByProject.get(v.projectIndex);
    if (list) list.push(i);
    else visitsByProject.set(v.projectIndex, [i]);
  });
  const reinspectionsByProject = new Map<number, { i: number; v: VisitInfo }[]>();
  visits.forEach((v, i) => {
    if (v.visit.type !== 'reinspection') return;
    const list = reinspectionsByProject.get(v.projectIndex);
    if (list) list.push({ i, v });
    else reinspectionsByProject.set(v.projectIndex, [{ i, v }]);
  });
  const assignments = assignProblems(rng, projects, visitsByProject, requested);

  // Responsible units of a problem at a project (the same for every issue of that kind there).
  const responsible = new Map<ProblemSpec, Map<number, { unitIds: string[]; person: string }>>();
  const responsibleFor = (
    problem: ProblemSpec,
    projectIndex: number,
  ): { unitIds: string[]; person: string } => {
    const byProject = responsible.get(problem) ?? new Map<number, { unitIds: string[]; person: string }>();
    responsible.set(problem, byProject);
    const known = byProject.get(projectIndex);
    if (known) return known;
    const info = projects[projectIndex] as ProjectInfo;
    const unitIds = new Set<string>();
    const unitPlace = info.place.level === 'town' ? countyOf(info.place.key) : info.place;
    for (const kind of problem.unitKinds) {
      const id =
        kind === 'enterprise' && info.key !== null
          ? org.unitIdByKey.get(`enterprise:${info.key}`)
          : unitIn(org, unitPlace.key, kind);
      if (id !== undefined) unitIds.add(id);
    }
    if (unitIds.size === 0) for (const id of info.project.responsibleUnitIds.slice(0, 2)) unitIds.add(id);
    if (unitIds.size === 0) unitIds.add(org.unitIdByKey.get(SUPERVISION_OFFICE_KEY) ?? info.project.regionId);
    const ids = [...unitIds];
    const entry = { unitIds: ids, person: org.unitHeadName.get(ids[0] ?? '') ?? '' };
    byProject.set(projectIndex, entry);
    return entry;
  };
  const teamNames = new Map(org.teams.map((t) => [t, t.members.map((m) => m.name)]));
  const namesOf = (team: TeamInfo): string[] => teamNames.get(team) ?? [team.leaderName];
  const defaultTeam = org.teams[0] as TeamInfo;

  // Where and when each problem was found: on a visit that was not itself a re-inspection, if any.
  const foundOn = new Map<number, number[]>();
  for (const [projectIndex, own] of visitsByProject) {
    const candidates = own.filter((i) => visits[i]?.visit.type !== 'reinspection');
    foundOn.set(projectIndex, candidates.length > 0 ? candidates : own);
  }
  const found = assignments.map(({ projectIndex }) => {
    const from = foundOn.get(projectIndex) ?? [];
    if (from.length === 0) {
      const day = ctx.todayDay - rng.int(1, 56);
      return { visitIndex: null, createdMs: chinaMs(day, 9 * 60 + rng.int(0, 480)) };
    }
    // Earlier visits are likelier: their problems have had time to move along.
    const visitIndex = from[Math.floor(rng.next() ** 2 * from.length)] ?? 0;
    const v = visits[visitIndex];
    const start = v?.startMs ?? ctx.nowMs - DAY_MS;
    return { visitIndex, createdMs: Math.min(start + MINUTE * rng.int(20, 150), ctx.nowMs - MINUTE) };
  });
  const days = found.map((f) => ctx.todayDay - chinaDay(f.createdMs));
  const locked = found.map((f) => (f.visitIndex === null ? false : (visits[f.visitIndex]?.isDraft ?? false)));
  const variants = found.map((_, i) => chooseVariant(rng, days[i] ?? 0, locked[i] ?? false));
  coverVariants(rng, variants, days, locked);

  return assignments.map(({ problem, projectIndex }, n) => {
    const info = projects[projectIndex] as ProjectInfo;
    const { project } = info;
    const { visitIndex, createdMs } = found[n] ?? { visitIndex: null, createdMs: ctx.nowMs };
    const visitInfo = visitIndex === null ? undefined : visits[visitIndex];
    const team = visitInfo?.team ?? defaultTeam;
    const variant = variants[n] ?? 'draft';
    const kinds = SCRIPTS[variant].kinds;

    // Timeline: re-inspection outcomes sit on the project's re-inspection visits when there are any.
    const reinspections = reinspectionsByProject.get(projectIndex) ?? [];
    const times: number[] = [createdMs];
    let anchorVisit: Map<number, number> | null = null; // event index → visit index
    let segmentStart = createdMs;
    let pending = 0;
    for (let e = 1; e < kinds.length; e++) {
      const kind = kinds[e];
      if (kind === 'closed' || kind === 'sentBack') {
        const after = kinds.length - 1 - e;
        const rv = reinspections.find(
          ({ v }) =>
            v.startMs > segmentStart + (pending + 1) * DAY_MS &&
            v.startMs + (after + 1) * 3 * 3_600_000 < ctx.nowMs,
        );
        if (rv) {
          const at = rv.v.startMs + MINUTE * rng.int(20, 90);
          times.push(...spread(rng, pending, segmentStart, at, true), at);
          anchorVisit ??= new Map<number, number>();
          anchorVisit.set(e, rv.i);
          segmentStart = at;
          pending = 0;
          continue;
        }
      }
      pending++;
    }
    times.push(...spread(rng, pending, segmentStart, ctx.nowMs, false));

    // Deadlines: red, yellow or green for issues still with the unit; otherwise as set when issued.
    const issuedAt = kinds.indexOf('issued');
    const issuedDay = chinaDay(times[issuedAt] ?? createdMs);
    const finalStatus = statusAfter(kinds[kinds.length - 1] ?? 'created');
    const extended = kinds.includes('extensionGranted');
    let original = issuedDay + rng.pick([7, 10, 15, 20, 30]);
    if (isOpenForRectification(finalStatus) || extended) {
      const flavour = rng.weighted([
        ['overdue', 35],
        ['dueSoon', 20],
        ['ahead', 45],
      ] as const);
      if (flavour === 'overdue' && ctx.todayDay - 1 >= issuedDay + 3)
        original = rng.int(issuedDay + 3, ctx.todayDay - 1);
      else if (flavour === 'dueSoon') original = ctx.todayDay + rng.int(0, 3);
      else original = ctx.todayDay + rng.int(4, 30);
      original = Math.max(original, issuedDay + 1);
    }
    const grantedAt = kinds.indexOf('extensionGranted');
    const extendedTo = extended
      ? Math.max(original + rng.int(10, 30), chinaDay(times[grantedAt] ?? createdMs) + 7)
      : original;

    const { unitIds: responsibleUnitIds, person: responsiblePerson } = responsibleFor(problem, projectIndex);
    const memberNames = namesOf(team);
    const actorOf = (kind: IssueEventKind, e: number): string => {
      switch (kind) {
        case 'created':
          return rng.pick(memberNames);
        case 'issued':
        case 'extensionGranted':
        case 'extensionRefused':
        case 'deadlineChanged':
        case 'coordinationFlagged':
        case 'coordinationCleared':
        case 'stepsDecided':
        case 'noticeRenumbered':
          return team.leaderName;
        case 'acknowledged':
        case 'progressNoted':
        case 'extensionRequested':
        case 'rectificationReported':
          return responsiblePerson || team.leaderName;
        case 'reinspectionRequested':
          return rng.pick(memberNames);
        case 'closed':
        case 'sentBack': {
          const at = anchorVisit?.get(e);
          return (at === undefined ? undefined : visits[at]?.team.leaderName) ?? rng.pick(memberNames);
        }
      }
    };

    const lastAt = times[times.length - 1] ?? createdMs;
    const closedIndex = kinds.lastIndexOf('closed');
    // An issue beyond the full-history budget came in with the office's earlier ledger (原问题台账导入):
    // the record is created when it reached its present state, with a single event saying so.
    const imported = n >= fullHistories;
    const recordMs = imported ? lastAt : createdMs;
    const id = issueId(recordMs);
    let status: IssueStatus | null = null;
    const events: IssueEvent[] = imported
      ? [
          {
            id: eventId(lastAt),
            createdAt: isoInstant(lastAt),
            updatedAt: isoInstant(lastAt),
            issueId: id,
            seq: 0,
            kind: 'created',
            fromStatus: null,
            toStatus: finalStatus,
            actorName: rng.pick(memberNames),
            at: isoInstant(lastAt),
            note: importedNote(finalStatus),
            evidencePhotoSha256: [],
            newDeadline: null,
            prevHash: null,
            hash: '',
          },
        ]
      : kinds.map((kind, e) => {
          const at = times[e] ?? createdMs;
          const toStatus = statusAfter(kind);
          const instant = isoInstant(at);
          const event: IssueEvent = {
            id: eventId(at),
            createdAt: instant,
            updatedAt: instant,
            issueId: id,
            seq: e,
            kind,
            fromStatus: status,
            toStatus,
            actorName: actorOf(kind, e),
            at: instant,
            note:
              kind === 'issued'
                ? issuedNote(original)
                : kind === 'extensionGranted'
                  ? grantedNote(extendedTo)
                  : eventNote(rng, kind, problem.fix, null),
            evidencePhotoSha256: [],
            newDeadline: kind === 'extensionGranted' ? dateOfDay(extendedTo) : null,
            prevHash: null,
            hash: '',
          };
          status = toStatus;
          return event;
        });
    for (const vi of anchorVisit?.values() ?? []) {
      const rv = visits[vi];
      if (rv && !rv.visit.reinspectedIssueIds.includes(id)) rv.visit.reinspectedIssueIds.push(id);
    }
    if (visitIndex !== null) markChecklist(checklists.byVisit.get(visitIndex), problem);

    const issue: Issue = {
      id,
      createdAt: isoInstant(recordMs),
      updatedAt: isoInstant(lastAt),
      projectId: project.id,
      regionId: project.regionId,
      visitId: visitInfo?.visit.id ?? null,
      title: problem.title,
      description: problem.description,
      category: problem.category,
      severity: problem.severity,
      responsibleUnitIds: [...responsibleUnitIds],
      responsiblePerson,
      coordinatingLeaderId: problem.needsCoordination || rng.chance(0.5) ? project.leaderId : null,
      deadline: dateOfDay(extendedTo),
      originalDeadline: dateOfDay(original),
      status: finalStatus,
      needsCoordination: problem.needsCoordination,
      noticeNumber: null, // numbered in issue order below
      closedAt: closedIndex >= 0 ? isoInstant(times[closedIndex] ?? lastAt) : null,
    };
    const reportIndex = imported ? -1 : kinds.indexOf('rectificationReported');
    return {
      issue,
      events,
      projectIndex,
      visitIndex,
      variant,
      reportIndex: reportIndex >= 0 ? reportIndex : null,
      issuedMs: issuedAt >= 0 ? (times[issuedAt] ?? null) : null,
      foundMs: createdMs,
    };
  });
}

/** 整改通知书 numbers, e.g. 督查〔2026〕12号: per team prefix and year, in the order notices went out. */
export function numberNotices(plans: readonly IssuePlan[], teamOf: (plan: IssuePlan) => TeamInfo): void {
  const issued = plans
    .filter((plan): plan is IssuePlan & { issuedMs: number } => plan.issuedMs !== null)
    .sort((a, b) => a.issuedMs - b.issuedMs);
  const counters = new Map<string, number>();
  const yearOf = memoized((day) => formatDay(day).slice(0, 4));
  for (const plan of issued) {
    const prefix = teamOf(plan).team.documentPrefix;
    const year = yearOf(chinaDay(plan.issuedMs));
    const key = `${prefix}|${year}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    plan.issue.noticeNumber = `${prefix}〔${year}〕${String(n)}号`;
  }
}

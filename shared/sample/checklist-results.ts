// Checklist results filled in on visits: the dust-control template on most construction visits, and the
// approvals, safety/quality, 三同时 and use-of-funds templates where they fit the project. Approvals are
// answered from the project's milestones; a "no" elsewhere comes only from an issue found on the visit.
import {
  APPROVALS_TEMPLATE_KEY,
  BUILTIN_TEMPLATES,
  DUST_CONTROL_TEMPLATE_KEY,
  FUNDS_USE_TEMPLATE_KEY,
  SAFETY_QUALITY_TEMPLATE_KEY,
  THREE_SIMULTANEOUS_TEMPLATE_KEY,
} from '../checklists/builtin-templates';
import type { Answer, ChecklistItem, ChecklistResult, ChecklistTemplate } from '../domain/checklist';
import type { Project } from '../domain/project';
import type { GenContext } from './context';
import { isoInstant } from './dates';
import type { ProjectInfo } from './projects';
import type { Rng } from './random';
import type { VisitInfo } from './visits';

export type AnswerWithNote = Answer & { note: string };

/** Which approval item each milestone answers. */
const APPROVAL_MILESTONES: Record<string, Project['milestones'][number]['kind']> = {
  projectApproval: 'approval',
  planningPermit: 'landApproval', // granted together with the land in these projects
  landApproval: 'landApproval',
  environmentalApproval: 'environmentalApproval',
  constructionPermit: 'constructionPermit',
};

const DEMOLITION = new Set<Project['category']>(['shantyTown', 'transport', 'industrialPark']);

function chance(rng: Rng, key: string, info: ProjectInfo, v: VisitInfo): boolean {
  const { project } = info;
  const building = project.phase === 'underConstruction' || project.phase === 'continuing';
  switch (key) {
    case DUST_CONTROL_TEMPLATE_KEY:
      return (
        building && rng.chance(v.visit.type === 'special' || v.visit.type === 'unannounced' ? 0.9 : 0.65)
      );
    case APPROVALS_TEMPLATE_KEY:
      return rng.chance(project.phase === 'preparation' ? 0.6 : 0.1);
    case SAFETY_QUALITY_TEMPLATE_KEY:
      return building && rng.chance(0.3);
    case THREE_SIMULTANEOUS_TEMPLATE_KEY:
      return ['industry', 'sewage', 'waste'].includes(project.category) && rng.chance(0.35);
    case FUNDS_USE_TEMPLATE_KEY:
      return project.funding.some((f) => f.source === 'centralSubsidy') && rng.chance(0.3);
    default:
      return false;
  }
}

function answer(rng: Rng, key: string, item: ChecklistItem, info: ProjectInfo, date: string): AnswerWithNote {
  const { project } = info;
  const note = '';
  switch (item.answerKind) {
    case 'photo':
      return { kind: 'photo', value: [], note }; // filled in once photos exist
    case 'text':
      return { kind: 'text', value: '', note };
    case 'number': {
      const wanOf = (amount: number): number => Math.round(amount / 10_000) / 100;
      const arrived = project.funding.reduce((s, f) => s + f.arrived, 0);
      const central = project.funding.find((f) => f.source === 'centralSubsidy')?.arrived ?? 0;
      const value =
        item.id === 'pm10'
          ? rng.int(45, 150)
          : item.id === 'safetyOfficers'
            ? rng.int(1, 4)
            : item.id === 'arrivedThisYear'
              ? wanOf(arrived * rng.float(0.3, 0.7))
              : item.id === 'subsidySpent'
                ? wanOf(central * rng.float(0.4, 0.9))
                : rng.int(0, 10);
      return { kind: 'number', value, note };
    }
    case 'yesNoNa': {
      if (key === APPROVALS_TEMPLATE_KEY) {
        const kind = APPROVAL_MILESTONES[item.id];
        const m = project.milestones.find((x) => x.kind === kind);
        const value =
          !m || (m.planned === null && m.actual === null)
            ? 'na'
            : m.actual !== null && m.actual <= date
              ? 'yes'
              : 'no';
        return { kind: 'yesNoNa', value, note };
      }
      if (item.id === 'wetDemolition' && !DEMOLITION.has(project.category))
        return { kind: 'yesNoNa', value: 'na', note };
      if (item.id === 'operatedTogether' && project.phase !== 'operating' && project.phase !== 'completed') {
        return { kind: 'yesNoNa', value: 'na', note };
      }
      if (item.id === 'matchingArrived') {
        const match = project.funding.find((f) => f.source === 'countyMatch');
        const ok = !match || match.arrived >= match.committed / 2;
        return { kind: 'yesNoNa', value: match ? (ok ? 'yes' : 'no') : 'na', note };
      }
      return { kind: 'yesNoNa', value: 'yes', note };
    }
  }
}

export interface ChecklistResults {
  results: ChecklistResult[];
  /** visit index → template key → result, to mark findings and attach photos. */
  byVisit: Map<number, Map<string, ChecklistResult>>;
}

export function buildChecklistResults(
  ctx: GenContext,
  visits: readonly VisitInfo[],
  projects: readonly ProjectInfo[],
  templates: readonly ChecklistTemplate[] = BUILTIN_TEMPLATES,
): ChecklistResults {
  const rng = ctx.rng.fork('checklists');
  const resultId = ctx.ids('checklistResults');
  const results: ChecklistResult[] = [];
  const byVisit = new Map<number, Map<string, ChecklistResult>>();
  visits.forEach((v, visitIndex) => {
    if (v.isDraft) return;
    const info = projects[v.projectIndex];
    if (!info) return;
    let minute = 20;
    for (const t of templates) {
      if (!chance(rng, t.key, info, v)) continue;
      const answers: Record<string, AnswerWithNote> = {};
      for (const section of t.sections) {
        for (const item of section.items) answers[item.id] = answer(rng, t.key, item, info, v.visit.date);
      }
      const createdMs = v.startMs + 60_000 * minute;
      minute += rng.int(5, 20);
      const result: ChecklistResult = {
        id: resultId(createdMs),
        createdAt: isoInstant(createdMs),
        updatedAt: isoInstant(Math.max(createdMs, v.endMs)),
        visitId: v.visit.id,
        templateId: t.id,
        templateKey: t.key,
        templateVersion: t.version,
        answers,
      };
      results.push(result);
      const forVisit = byVisit.get(visitIndex) ?? new Map<string, ChecklistResult>();
      forVisit.set(t.key, result);
      byVisit.set(visitIndex, forVisit);
    }
  });
  return { results, byVisit };
}

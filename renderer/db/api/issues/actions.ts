// Commands on issues (问题清单): lifecycle steps, one issue or many, and a new issue entered on the list.
import type { Project } from '../../../../shared/domain/project';
import type { StepInput } from '../../../../shared/issues/lifecycle';
import type { DuchaDatabase } from '../../database';
import { createIssue, type FindingInput } from '../../repositories/issue-create';
import { applyBulkStep, applyIssueStep } from '../../repositories/issue-steps';

export const issueActions = (db: DuchaDatabase) => ({
  step: (issueId: string, input: StepInput) => applyIssueStep(db, issueId, input),
  /** The same step on many issues; refused ones are counted and skipped. */
  bulkStep: (issueIds: readonly string[], input: StepInput, onProgress?: (done: number) => void) =>
    applyBulkStep(db, issueIds, input, { onProgress }),
  /** A new draft issue entered on the list, not from a visit. */
  create: (project: Pick<Project, 'id' | 'regionId'>, input: FindingInput, actorName: string) =>
    createIssue(db, project, null, input, actorName),
});

// Commands on checklists: template versions (检查表模板) and the answers a visit gives to them.
import type { ChecklistResult, ChecklistTemplate } from '../../../../shared/domain/checklist';
import type { DuchaDatabase } from '../../database';
import { saveChecklistAnswers } from '../../repositories/checklist-answers';
import { saveTemplateVersion } from '../../repositories/checklist-templates';
import { saveChecklistResult } from '../../repositories/visits';

export const checklistActions = (db: DuchaDatabase) => ({
  /** Adds a template version; never overwrites an older one, which visits filled with it still show. */
  saveVersion: (template: ChecklistTemplate) => saveTemplateVersion(db, template),
  /** Attaches a template to a visit (or stores its answers whole); refused once the visit is finalized. */
  save: (result: ChecklistResult) => saveChecklistResult(db, result),
  /** Only the items changed since `base`, merged into the answers stored now. */
  saveAnswers: (
    resultId: string,
    edit: { base: ChecklistResult['answers']; edited: ChecklistResult['answers'] },
  ) => saveChecklistAnswers(db, resultId, edit),
});

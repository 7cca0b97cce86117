// A checklist's score: the points of every scored item answered "yes". A template with no scored item
// has no score (null), which is not the same as scoring 0.
import type { Answer, ChecklistTemplate } from '../domain/checklist';

export function checklistScore(
  template: Pick<ChecklistTemplate, 'sections'>,
  answers: Readonly<Record<string, Answer | undefined>>,
): number | null {
  const items = template.sections.flatMap((s) => s.items);
  if (!items.some((i) => i.score !== null)) return null;
  return items.reduce((sum, item) => {
    const a = answers[item.id];
    return sum + (item.score !== null && a?.kind === 'yesNoNa' && a.value === 'yes' ? item.score : 0);
  }, 0);
}

// The yes/no items of the built-in dust-control checklist (扬尘治理“八个百分百”), in order, as the
// visit page lists them — read from the template so that the specs follow it.
import { DUST_CONTROL_TEMPLATE } from '../../../shared/checklists/builtin-templates';

export const DUST_CHECKLIST_NAME = DUST_CONTROL_TEMPLATE.name;

export const DUST_ITEMS: readonly string[] = DUST_CONTROL_TEMPLATE.sections.flatMap((section) =>
  section.items.filter((item) => item.answerKind === 'yesNoNa').map((item) => item.text),
);

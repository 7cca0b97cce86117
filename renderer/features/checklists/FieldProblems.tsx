// What is wrong with a field of the template editor, shown under it and tied to it for screen readers.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DraftProblem } from '../../../shared/checklists/template-edit';

const problemId = (fieldId: string) => `${fieldId}-problem`;

/** Props for an input whose problems FieldProblems shows. */
export function problemProps(fieldId: string, problems: ReadonlyMap<string, DraftProblem[]>) {
  const invalid = (problems.get(fieldId)?.length ?? 0) > 0;
  return invalid
    ? { status: 'error' as const, 'aria-invalid': true, 'aria-describedby': problemId(fieldId) }
    : {};
}

export function FieldProblems({
  ids,
  problems,
  indent = 0,
}: {
  ids: readonly string[];
  problems: ReadonlyMap<string, DraftProblem[]>;
  indent?: number;
}) {
  const { t } = useTranslation();
  const shown = ids.flatMap((id) => {
    const list = problems.get(id);
    return list ? [{ id, list }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <div style={{ paddingLeft: indent, marginTop: 4 }}>
      {shown.map(({ id, list }) => (
        <div key={id} id={problemId(id)}>
          {list.map((p) => (
            <Typography.Text key={p.problem} type="danger" style={{ display: 'block' }}>
              {t(`checklistTemplates.problems.${p.problem}`, { limit: p.limit })}
            </Typography.Text>
          ))}
        </div>
      ))}
    </div>
  );
}

// The visit record's footnotes for amended values: a value corrected after the visit was finalized is
// printed as it stands now, with a mark (※1) beside it and a footnote below the table — "经修改，原为…，
// 修改理由…" — so the paper shows that, and how, the record was changed. One note per field and
// amendment, numbered in the order the amendments were made.
import type { AmendableVisitField, VisitAmendment } from '../../../../shared/domain/visit-amendment';

export interface AmendmentNote {
  n: number;
  field: AmendableVisitField;
  /** The field's name as the form labels it. */
  label: string;
  /** The value before this amendment, as printed. */
  was: string;
  reason: string;
}

export interface AmendmentNotes {
  notes: AmendmentNote[];
  /** The note numbers of each amended field, for its mark. */
  marks: ReadonlyMap<AmendableVisitField, readonly number[]>;
}

export interface ValueWords {
  label: (field: AmendableVisitField) => string;
  value: (field: AmendableVisitField, value: unknown) => string;
}

export function amendmentNotes(amendments: readonly VisitAmendment[], words: ValueWords): AmendmentNotes {
  const notes: AmendmentNote[] = [];
  const marks = new Map<AmendableVisitField, number[]>();
  const inOrder = [...amendments].sort((a, b) => a.seq - b.seq);
  for (const amendment of inOrder)
    for (const change of amendment.changes) {
      const n = notes.length + 1;
      notes.push({
        n,
        field: change.field,
        label: words.label(change.field),
        was: words.value(change.field, change.before),
        reason: amendment.reason,
      });
      marks.set(change.field, [...(marks.get(change.field) ?? []), n]);
    }
  return { notes, marks };
}

/** The mark printed beside an amended value: ※1, ※1,2; empty for a field never amended. */
export const amendmentMark = (notes: AmendmentNotes, ...fields: AmendableVisitField[]): string => {
  const ns = fields.flatMap((f) => notes.marks.get(f) ?? []).sort((a, b) => a - b);
  return ns.length === 0 ? '' : `※${ns.join(',')}`;
};

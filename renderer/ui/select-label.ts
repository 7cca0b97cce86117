// What a select shows for a chosen value that is not among its options — a retired unit, a county from
// another laptop, an address naming a project this laptop does not hold: the name from the
// organization's lists (retired ones included), or "(unknown)", never the record's id.
import type { ReactNode } from 'react';

interface Shown {
  label?: ReactNode;
  value: string | number;
}

/** A Select's labelRender: its option's label, else the name for the id, else `unknown`. */
export function labelOrName(names: ReadonlyMap<string, string> | undefined, unknown: string) {
  return ({ label, value }: Shown): ReactNode =>
    label !== undefined && label !== null && label !== value ? label : (names?.get(String(value)) ?? unknown);
}

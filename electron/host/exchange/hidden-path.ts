// Hidden folders (a name starting with a dot: ~/.ssh, ~/.config) are where a system keeps what runs
// and what lets people in; no hand-over by USB ever needs one. The host refuses to write an export
// into one, or to make one, whatever the page asks (issue 19: an export could create ~/.ssh).
import path from 'node:path';

/** The first hidden part of an absolute path, or null; `.` and `..` are resolved away first. */
export function hiddenPart(absolute: string, separators: RegExp = /[\\/]/): string | null {
  for (const part of path.resolve(absolute).split(separators)) if (part.startsWith('.')) return part;
  return null;
}

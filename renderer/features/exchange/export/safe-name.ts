// File and folder names for export folders that every system can hold: the characters Windows,
// macOS and FAT refuse become "_", a name never ends in a dot or space, and reserved names are escaped.
import { bundlePathProblem } from '../../../../shared/bundle/paths';

// eslint-disable-next-line no-control-regex -- control characters are among what is refused
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]/g;
const MAX_NAME = 120;

export function safeName(name: string, fallback = '_'): string {
  let clean = name.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim();
  if ([...clean].length > MAX_NAME) clean = [...clean].slice(0, MAX_NAME).join('').trim();
  clean = clean.replace(/[. ]+$/, '');
  if (clean === '') clean = fallback;
  return bundlePathProblem(clean) === null ? clean : `_${clean}`;
}

/** A name not yet taken in a folder: "照片.jpg", then "照片 (2).jpg", "照片 (3).jpg"… */
export function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${String(n)})${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

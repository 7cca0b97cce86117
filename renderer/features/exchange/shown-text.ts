// A name or value from a bundle as a message shows it. A stick comes from elsewhere, so a file name
// may hold control characters or bidi overrides that would break a message's lines or reverse its
// words ("…txt.exe" shown as "…exe.txt"); each is written escaped (\u0007), and a very long name is
// cut in the middle, where its folder and its extension both stay readable.

/** C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (by code point). */
const isUnsafe = (code: number): boolean =>
  code <= 0x1f ||
  (code >= 0x7f && code <= 0x9f) ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

/** The most characters of one name a message shows; paths in a bundle are at most a few hundred. */
export const MAX_SHOWN = 120;

const escapeOne = (c: string): string => {
  const code = c.codePointAt(0) ?? 0;
  return isUnsafe(code) ? `\\u${code.toString(16).padStart(4, '0')}` : c;
};

/** `text` with every unsafe character escaped, cut in the middle beyond `max` characters. */
export function shownText(text: string, max: number = MAX_SHOWN): string {
  // By code points, so no surrogate pair (an emoji, a rare 汉字) is split, and an escape is one piece
  // that a cut never halves.
  const pieces = Array.from(text, escapeOne);
  if (pieces.length <= max) return pieces.join('');
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${pieces.slice(0, head).join('')}…${pieces.slice(pieces.length - tail).join('')}`;
}

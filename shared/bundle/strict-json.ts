// A strict reading of the JSON of a bundle (docs/bundle-format.md §2, §6). JSON.parse keeps the last
// of two equal keys without a word, so two readers of one manifest could disagree on its meaning; and
// everything that walks a parsed value (zod, canonical JSON, the signature's payload) recurses, so a
// text of 100,000 `[` would end in "Maximum call stack size exceeded". This scanner checks the grammar,
// the nesting depth and repeated keys in one iterative pass, and only a text that passes all three is
// handed to JSON.parse.

export type StrictJson =
  | {
      ok: true;
      value: unknown;
      /** Whether some object has a "__proto__" key (zod would drop it silently). */
      protoKey: boolean;
    }
  | { ok: false; problem: 'notJson'; detail: string }
  /** `place`: where the first container beyond the limit starts ('' the top, 'files.3.x'…). */
  | { ok: false; problem: 'tooDeep'; place: string; limit: number }
  /** `place`: the object that names `key` twice ('' the top level, 'source', 'files.3'…). */
  | { ok: false; problem: 'repeatedKey'; place: string; key: string };

const OBJECT = 0;
const ARRAY = 1;

interface Frame {
  readonly kind: typeof OBJECT | typeof ARRAY;
  /** The keys seen so far (objects only). */
  readonly keys: Set<string> | null;
  /** The key or index of the value being read: the next step of a place. */
  step: string;
  index: number;
}

const isWhitespace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isHex = (c: number): boolean => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]); // " \ / b f n r t

class SyntaxFault extends Error {}

function unexpected(text: string, at: number): SyntaxFault {
  if (at >= text.length) return new SyntaxFault('unexpected end of the JSON text');
  const code = text.charCodeAt(at);
  const shown = code < 0x20 || code === 0x7f ? `U+${code.toString(16).padStart(4, '0')}` : text[at];
  return new SyntaxFault(`unexpected ${String(shown)} at position ${at}`);
}

function skipWhitespace(text: string, at: number): number {
  let i = at;
  while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
  return i;
}

/** The index just after the string starting (with its quote) at `at`; `escaped` notes a backslash. */
// eslint-disable-next-line no-control-regex -- the control characters are what a string may not hold
const PLAIN_RUN = /[^"\\\u0000-\u001f]*/y;

function scanString(text: string, at: number, escaped: { seen: boolean }): number {
  let i = at + 1;
  escaped.seen = false;
  for (;;) {
    // The regex engine skips the plain characters (nearly all of them) far faster than a loop here.
    PLAIN_RUN.lastIndex = i;
    PLAIN_RUN.test(text);
    i = PLAIN_RUN.lastIndex;
    if (i >= text.length) throw unexpected(text, i);
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) throw unexpected(text, i);
    if (c === 0x5c) {
      escaped.seen = true;
      const next = text.charCodeAt(i + 1);
      if (next === 0x75) {
        for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) throw unexpected(text, i + k);
        i += 6;
      } else if (ESCAPES.has(next)) i += 2;
      else throw unexpected(text, i + 1);
    } else i++;
  }
}

/** The index just after the number starting at `at` (RFC 8259: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?). */
function scanNumber(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else throw unexpected(text, i);
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(text.charCodeAt(i))) throw unexpected(text, i);
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) throw unexpected(text, i);
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

const LITERALS: readonly [number, string][] = [
  [0x74, 'true'],
  [0x66, 'false'],
  [0x6e, 'null'],
];

const placeOf = (frames: readonly Frame[], upTo: number): string =>
  frames
    .slice(0, upTo)
    .map((frame) => frame.step)
    .join('.');

type Want = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'after';

interface Findings {
  tooDeep: string | null;
  repeated: { place: string; key: string } | null;
  protoKey: boolean;
}

/** One pass over the text: throws SyntaxFault when it is not JSON, else what it found. */
function scan(text: string, maxDepth: number): Findings {
  const found: Findings = { tooDeep: null, repeated: null, protoKey: false };
  // Every open container, deep or not; frames only for those within the limit (a place is short).
  const kinds: number[] = [];
  const frames: Frame[] = [];
  const escaped = { seen: false };
  const open = (kind: typeof OBJECT | typeof ARRAY): void => {
    kinds.push(kind);
    if (kinds.length <= maxDepth) {
      frames.push({
        kind,
        keys: kind === OBJECT ? new Set() : null,
        step: kind === ARRAY ? '0' : '',
        index: 0,
      });
    } else if (found.tooDeep === null) found.tooDeep = placeOf(frames, frames.length);
  };
  const close = (): void => {
    kinds.pop();
    if (frames.length > kinds.length) frames.pop();
  };
  let i = 0;
  let want: Want = 'value';
  for (;;) {
    i = skipWhitespace(text, i);
    const c = text.charCodeAt(i); // NaN past the end: matches nothing below
    if (want === 'value' || want === 'valueOrEnd') {
      if (want === 'valueOrEnd' && c === 0x5d) {
        close();
        i++;
        want = 'after';
        continue;
      }
      if (c === 0x7b) {
        open(OBJECT);
        i++;
        want = 'keyOrEnd';
        continue;
      }
      if (c === 0x5b) {
        open(ARRAY);
        i++;
        want = 'valueOrEnd';
        continue;
      }
      if (c === 0x22) i = scanString(text, i, escaped);
      else if (c === 0x2d || isDigit(c)) i = scanNumber(text, i);
      else {
        const literal = LITERALS.find(([first]) => first === c)?.[1];
        if (literal === undefined || !text.startsWith(literal, i)) throw unexpected(text, i);
        i += literal.length;
      }
      want = 'after';
      continue;
    }
    if (want === 'key' || want === 'keyOrEnd') {
      if (want === 'keyOrEnd' && c === 0x7d) {
        close();
        i++;
        want = 'after';
        continue;
      }
      if (c !== 0x22) throw unexpected(text, i);
      const start = i;
      i = scanString(text, i, escaped);
      const raw = text.slice(start + 1, i - 1);
      // An escaped key ("\u0061") is the same key as its plain spelling ("a").
      const key = escaped.seen ? (JSON.parse(`"${raw}"`) as string) : raw;
      if (key === '__proto__') found.protoKey = true;
      const frame = frames.length === kinds.length ? frames[frames.length - 1] : undefined;
      if (frame?.keys) {
        if (frame.keys.has(key) && found.repeated === null) {
          found.repeated = { place: placeOf(frames, frames.length - 1), key };
        }
        frame.keys.add(key);
        frame.step = key;
      }
      i = skipWhitespace(text, i);
      if (text.charCodeAt(i) !== 0x3a) throw unexpected(text, i);
      i++;
      want = 'value';
      continue;
    }
    // After a value: the end of the text, or a comma or the end of the open container.
    if (kinds.length === 0) {
      if (i < text.length) throw unexpected(text, i);
      return found;
    }
    const kind = kinds[kinds.length - 1];
    if (c === 0x2c) {
      i++;
      if (kind === OBJECT) want = 'key';
      else {
        const frame = frames.length === kinds.length ? frames[frames.length - 1] : undefined;
        if (frame) frame.step = String(++frame.index);
        want = 'value';
      }
      continue;
    }
    if ((kind === OBJECT && c === 0x7d) || (kind === ARRAY && c === 0x5d)) {
      close();
      i++;
      continue;
    }
    throw unexpected(text, i);
  }
}

/**
 * Parses a JSON text that nests at most `maxDepth` containers (the top-level object or array is depth
 * 1) and repeats no key in any object. Refusals come in this order: not JSON, too deep, a repeated
 * key. Never throws and never recurses, whatever the text.
 */
export function parseStrictJson(text: string, maxDepth: number): StrictJson {
  let found: Findings;
  try {
    found = scan(text, maxDepth);
  } catch (error) {
    if (error instanceof SyntaxFault) return { ok: false, problem: 'notJson', detail: error.message };
    throw error;
  }
  if (found.tooDeep !== null) return { ok: false, problem: 'tooDeep', place: found.tooDeep, limit: maxDepth };
  if (found.repeated) return { ok: false, problem: 'repeatedKey', ...found.repeated };
  return { ok: true, value: JSON.parse(text) as unknown, protoKey: found.protoKey };
}

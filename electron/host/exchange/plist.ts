// A small reader for the XML property lists macOS's diskutil prints with -plist. Only the value types
// diskutil uses are read (dict, array, string, integer, real, true, false, date, data); anything else
// makes the whole read fail, so a changed format is reported rather than half-understood.

export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

export class PlistError extends Error {
  override name = 'PlistError';
}

interface Token {
  readonly tag: string | null; // null for text between tags
  readonly closing: boolean;
  readonly empty: boolean; // <true/>
  readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

function tokenize(xml: string): Token[] {
  // Drop the prolog, the doctype and comments: none of them carries a value.
  const body = xml.replace(/<\?[\s\S]*?\?>|<!DOCTYPE[\s\S]*?>|<!--[\s\S]*?-->/g, '');
  const tokens: Token[] = [];
  for (const match of body.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>|([^<]+)/g)) {
    if (match[2] !== undefined) {
      tokens.push({ tag: match[2], closing: match[1] === '/', empty: match[3] === '/', text: '' });
    } else if (match[4] !== undefined) {
      tokens.push({ tag: null, closing: false, empty: false, text: match[4] });
    }
  }
  return tokens;
}

class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  /** The next tag, skipping the whitespace between elements. */
  private nextTag(): Token {
    for (;;) {
      const token = this.tokens[this.at++];
      if (token === undefined) throw new PlistError('the property list ends too early');
      if (token.tag !== null) return token;
      if (token.text.trim() !== '') throw new PlistError(`unexpected text: ${token.text.slice(0, 40)}`);
    }
  }

  /** The text of an element up to its closing tag (empty for <string/>). */
  private textUntil(tag: string): string {
    let text = '';
    for (;;) {
      const token = this.tokens[this.at++];
      if (token === undefined) throw new PlistError(`<${tag}> is not closed`);
      if (token.tag === null) text += token.text;
      else if (token.tag === tag && token.closing) return decodeEntities(text);
      else throw new PlistError(`<${token.tag}> inside <${tag}>`);
    }
  }

  readValue(token: Token = this.nextTag()): PlistValue {
    if (token.closing) throw new PlistError(`unexpected </${token.tag ?? ''}>`);
    const tag = token.tag ?? '';
    switch (tag) {
      case 'true':
      case 'false':
        if (!token.empty) this.textUntil(tag);
        return tag === 'true';
      case 'string':
      case 'date':
      case 'data':
        return token.empty ? '' : this.textUntil(tag);
      case 'integer':
      case 'real': {
        const value = Number(this.textUntil(tag).trim());
        if (!Number.isFinite(value)) throw new PlistError(`<${tag}> is not a number`);
        return value;
      }
      case 'array':
        return token.empty ? [] : this.readArray();
      case 'dict':
        return token.empty ? {} : this.readDict();
      default:
        throw new PlistError(`unknown element <${tag}>`);
    }
  }

  private readArray(): PlistValue[] {
    const items: PlistValue[] = [];
    for (;;) {
      const token = this.nextTag();
      if (token.closing && token.tag === 'array') return items;
      items.push(this.readValue(token));
    }
  }

  private readDict(): { [key: string]: PlistValue } {
    const dict: { [key: string]: PlistValue } = {};
    for (;;) {
      const token = this.nextTag();
      if (token.closing && token.tag === 'dict') return dict;
      if (token.tag !== 'key' || token.closing)
        throw new PlistError(`<${token.tag ?? ''}> where a <key> belongs`);
      const key = token.empty ? '' : this.textUntil('key');
      dict[key] = this.readValue();
    }
  }

  readDocument(): PlistValue {
    const first = this.nextTag();
    const value = first.tag === 'plist' && !first.closing ? this.readValue() : this.readValue(first);
    return value;
  }
}

/** The value of an XML property list; throws PlistError when the text is not one. */
export function parsePlist(xml: string): PlistValue {
  return new Reader(tokenize(xml)).readDocument();
}

export const isPlistDict = (value: PlistValue | undefined): value is { [key: string]: PlistValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

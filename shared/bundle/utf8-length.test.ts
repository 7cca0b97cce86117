import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from './utf8-length';

describe('utf8ByteLength', () => {
  it('counts as TextEncoder encodes', () => {
    for (const text of ['', 'abc', 'é', '督查〔2026〕12号', '😀x', 'a\ud800b', '\udc00', 'x\ud83d']) {
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});

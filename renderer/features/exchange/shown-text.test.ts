// Names from a stick, as a message shows them: every control character and bidi override escaped,
// everything else as it is, and a long name cut in the middle without splitting a character.
import { describe, expect, it } from 'vitest';
import { MAX_SHOWN, shownText } from './shown-text';

describe('shownText', () => {
  it('keeps ordinary names as they are, Chinese, spaces and emoji included', () => {
    expect(shownText('photos/思茅 项目/现场 😀.jpg')).toBe('photos/思茅 项目/现场 😀.jpg');
  });

  it.each([
    ['\u0000', '\\u0000'],
    ['\u0007', '\\u0007'],
    ['\n', '\\u000a'],
    ['\r', '\\u000d'],
    ['\u001b', '\\u001b'],
    ['\u007f', '\\u007f'],
    ['\u0085', '\\u0085'],
    ['\u009f', '\\u009f'],
    ['\u202a', '\\u202a'],
    ['\u202e', '\\u202e'],
    ['\u2066', '\\u2066'],
    ['\u2069', '\\u2069'],
  ])('escapes %j', (raw, escaped) => {
    expect(shownText(`a${raw}b`)).toBe(`a${escaped}b`);
  });

  it('leaves the characters around the unsafe ranges alone', () => {
    expect(shownText('\u00a0\u2029\u202f\u2065\u206a')).toBe('\u00a0\u2029\u202f\u2065\u206a');
  });

  it('cuts a long name in the middle to MAX_SHOWN characters, never halving an emoji or an escape', () => {
    const long = `${'😀'.repeat(100)}\u0007${'汉'.repeat(100)}.jpg`;
    const shown = shownText(long);
    expect(Array.from(shown)).toHaveLength(MAX_SHOWN);
    expect(shown.startsWith('😀'.repeat(60))).toBe(true);
    expect(shown.endsWith('汉.jpg')).toBe(true);
    expect(shown).toContain('…');
    expect(shown).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(shownText('ab\u0007cd', 3)).toBe('a…d');
    expect(shownText('a\u0007\u0007\u0007b', 4)).toBe('a\\u0007…b');
  });
});

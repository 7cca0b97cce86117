import { describe, expect, it } from 'vitest';
import { parseStrictJson } from './strict-json';

const DEPTH = 32;

describe('parseStrictJson', () => {
  it('reads what JSON.parse reads, for texts within the rules', () => {
    const texts = [
      '0',
      '-0.5e+3',
      '1E2',
      'true',
      'null',
      '"督查\\u0061\\n\\"\\/"',
      ' { "a" : [ 1 , { "b" : null } , [] , {} ] , "c" : "" }\r\n',
      '[[[["x"]]]]',
      '"\ud800"', // a lone surrogate: JSON, if not good text
    ];
    for (const text of texts) {
      const value: unknown = JSON.parse(text);
      expect(parseStrictJson(text, DEPTH)).toEqual({ ok: true, value, protoKey: false });
    }
  });

  it('refuses what JSON.parse refuses, as notJson', () => {
    const texts = [
      '',
      ' ',
      '\ufeff{}',
      '{',
      '{"a":1,}',
      '[1,]',
      '[1 2]',
      '{"a" 1}',
      '{a:1}',
      '01',
      '1.',
      '.5',
      '-',
      '1e',
      '+1',
      'NaN',
      'tru',
      'nul',
      '"\t"',
      '"\\x"',
      '"\\u12g4"',
      '"abc',
      '{}{}',
      '[]]',
      "'a'",
      '{"a":1}}',
    ];
    for (const text of texts) {
      expect(() => JSON.parse(text) as unknown).toThrow();
      expect(parseStrictJson(text, DEPTH)).toMatchObject({ ok: false, problem: 'notJson' });
    }
  });

  it('refuses a repeated key, naming the object and the key, even when spelled with escapes', () => {
    expect(parseStrictJson('{"kind":"incremental","x":1,"kind":"full"}', DEPTH)).toEqual({
      ok: false,
      problem: 'repeatedKey',
      place: '',
      key: 'kind',
    });
    expect(parseStrictJson('{"source":{"name":"a","n\\u0061me":"b"}}', DEPTH)).toEqual({
      ok: false,
      problem: 'repeatedKey',
      place: 'source',
      key: 'name',
    });
    expect(
      parseStrictJson('{"files":[{"path":"a"},{"path":"b"},{"path":"c","size":1,"size":2}]}', DEPTH),
    ).toEqual({ ok: false, problem: 'repeatedKey', place: 'files.2', key: 'size' });
    // The same key in two objects, or in an object and its child, is no repeat.
    expect(parseStrictJson('[{"a":1},{"a":{"a":2}}]', DEPTH).ok).toBe(true);
  });

  it('refuses nesting beyond the limit, 10^5 deep included, without overflowing the stack', () => {
    const n = 100_000;
    const arrays = `${'['.repeat(n)}${']'.repeat(n)}`;
    expect(parseStrictJson(arrays, DEPTH)).toEqual({
      ok: false,
      problem: 'tooDeep',
      place: Array.from({ length: DEPTH }, () => '0').join('.'),
      limit: DEPTH,
    });
    const objects = `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    expect(parseStrictJson(objects, DEPTH)).toMatchObject({ ok: false, problem: 'tooDeep' });
    // Deep and broken: named as not JSON, which comes first.
    expect(parseStrictJson(arrays.slice(0, -1), DEPTH)).toMatchObject({ ok: false, problem: 'notJson' });
    const exactly = `${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`;
    expect(parseStrictJson(exactly, DEPTH).ok).toBe(true);
    expect(parseStrictJson(`[${exactly}]`, DEPTH)).toMatchObject({ problem: 'tooDeep' });
  });

  it('names a "__proto__" key wherever it is', () => {
    expect(parseStrictJson('{"a":[{"__proto__":1}]}', DEPTH)).toMatchObject({ ok: true, protoKey: true });
  });
});

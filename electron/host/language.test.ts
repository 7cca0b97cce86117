import { describe, expect, it } from 'vitest';
import { parseForcedLanguage } from './language';

describe('parseForcedLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN_gb', 'en'],
    ['en_US.UTF-8', 'en'],
    ['zh', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh_CN.UTF-8', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
  ] as const)('reads %s as %s', (value, expected) => {
    expect(parseForcedLanguage(value)).toBe(expected);
  });

  it.each([undefined, '', 'fr', 'english', 'C'])('forces nothing for %s', (value) => {
    expect(parseForcedLanguage(value)).toBeNull();
  });
});

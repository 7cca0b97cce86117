import { describe, expect, it } from 'vitest';
import { isAppUrl, pageUrlFor } from './app-origin';

describe('app origin', () => {
  it('knows our own addresses', () => {
    expect(isAppUrl('app://ducha/index.html')).toBe(true);
    expect(isAppUrl('app://ducha/')).toBe(true);
    expect(isAppUrl('app://user@ducha/index.html')).toBe(false);
    expect(isAppUrl('app://ducha.example/index.html')).toBe(false);
    expect(isAppUrl('https://ducha/index.html')).toBe(false);
  });

  it('puts a forced language in the page address', () => {
    expect(pageUrlFor(null)).toBe('app://ducha/index.html');
    expect(pageUrlFor('en')).toBe('app://ducha/index.html?lang=en');
  });
});

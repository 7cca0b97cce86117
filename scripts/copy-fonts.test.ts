// The shipped font as the build copies it: weights 400 and 700 only, woff2 only, a style sheet for the
// app's previews and a manifest the host chooses chunks from.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFonts, type FontChunk, parseFontsourceCss } from './copy-fonts.mjs';

let dir = '';
let result: { chunks: number; version: string };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ducha-copy-fonts-'));
  result = copyFonts(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scripts/copy-fonts.mjs', () => {
  it('copies the 400 and 700 woff2 chunks of Noto Sans SC 5.3.0 and nothing else', () => {
    expect(result.version).toBe('5.3.0');
    const fonts = readdirSync(dir).filter((file) => file.endsWith('.woff2'));
    expect(fonts).toHaveLength(result.chunks);
    expect(result.chunks).toBeGreaterThan(190);
    for (const file of fonts) expect(file).toMatch(/^noto-sans-sc-[a-z0-9-]+-(400|700)-normal\.woff2$/);
    expect(
      readdirSync(dir)
        .filter((file) => !file.endsWith('.woff2'))
        .sort(),
    ).toEqual(['manifest.json', 'noto-sans-sc.css']);
  });

  it('lists every chunk in the manifest with its weight and unicode ranges', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      family: string;
      chunks: FontChunk[];
    };
    expect(manifest.family).toBe('Noto Sans SC');
    expect(manifest.chunks).toHaveLength(result.chunks);
    for (const chunk of manifest.chunks) {
      expect([400, 700]).toContain(chunk.weight);
      expect(chunk.file).toContain(`-${String(chunk.weight)}-normal`);
      expect(chunk.ranges.length).toBeGreaterThan(0);
      for (const [from, to] of chunk.ranges) {
        expect(Number.isInteger(from) && Number.isInteger(to) && from <= to && to <= 0x10ffff).toBe(true);
      }
    }
    const holding = (ch: string, weight: number) =>
      manifest.chunks.filter(
        (c) =>
          c.weight === weight &&
          c.ranges.some(([from, to]) => (ch.codePointAt(0) ?? 0) >= from && (ch.codePointAt(0) ?? 0) <= to),
      );
    expect(holding('督', 400).map((c) => c.file)).toEqual(['noto-sans-sc-111-400-normal.woff2']);
    expect(holding('督', 700).map((c) => c.file)).toEqual(['noto-sans-sc-111-700-normal.woff2']);
  });

  it('writes a style sheet of relative woff2 URLs for the app’s previews', () => {
    const css = readFileSync(join(dir, 'noto-sans-sc.css'), 'utf8');
    expect(css.match(/@font-face/g)).toHaveLength(result.chunks);
    expect(css).toContain("src:url(./noto-sans-sc-111-700-normal.woff2) format('woff2');unicode-range:U+");
    expect(css).not.toMatch(/\.woff\)|files\//);
  });

  it('parses single code points and ranges alike', () => {
    const css = `@font-face { font-weight: 400;
      src: url(./files/x-1-400-normal.woff2) format('woff2'), url(./files/x-1-400-normal.woff) format('woff');
      unicode-range: U+20-7e,U+a0,U+4e00-9fff; }`;
    expect(parseFontsourceCss(css, 400)).toEqual([
      {
        file: 'x-1-400-normal.woff2',
        weight: 400,
        ranges: [
          [0x20, 0x7e],
          [0xa0, 0xa0],
          [0x4e00, 0x9fff],
        ],
      },
    ]);
  });
});

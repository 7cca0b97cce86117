// The shipped fonts as the build copies them: the weights taken only, woff2 only, a style sheet for the
// app, one for the reports' previews, and a manifest the host chooses chunks from.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFonts, type FontChunk, parseFontsourceCss } from './copy-fonts.mjs';

let dir = '';
let result: { family: string; chunks: number; version: string }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ducha-copy-fonts-'));
  result = copyFonts(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('scripts/copy-fonts.mjs', () => {
  it('copies the woff2 chunks of the weights taken of each family, and nothing else', () => {
    expect(result.map(({ family, version }) => `${family} ${version}`)).toEqual([
      'Noto Sans SC 5.3.0',
      'Noto Serif SC 5.3.0',
      'LXGW WenKai 1.7.0',
    ]);
    const fonts = readdirSync(dir).filter((file) => file.endsWith('.woff2'));
    expect(fonts).toHaveLength(result.reduce((n, family) => n + family.chunks, 0));
    for (const family of result) expect(family.chunks).toBeGreaterThan(90);
    for (const file of fonts)
      expect(file).toMatch(
        /^(noto-sans-sc-[a-z0-9-]+-(400|700)-normal|noto-serif-sc-[a-z0-9-]+-(400|700)-normal|lxgwwenkai-regular-subset-\d+)\.woff2$/,
      );
    expect(
      readdirSync(dir)
        .filter((file) => !file.endsWith('.woff2'))
        .sort(),
    ).toEqual(['manifest.json', 'noto-sans-sc.css', 'report-fonts.css']);
  });

  it('lists every chunk in the manifest with its weight and unicode ranges', () => {
    const { families } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      families: { family: string; chunks: FontChunk[] }[];
    };
    expect(families.map((f) => [f.family, f.chunks.length])).toEqual(result.map((f) => [f.family, f.chunks]));
    const manifest = families[0] as { family: string; chunks: FontChunk[] };
    expect(manifest.family).toBe('Noto Sans SC');
    for (const chunk of families.flatMap((f) => f.chunks)) {
      expect([400, 700]).toContain(chunk.weight);
      if (chunk.file.startsWith('noto')) expect(chunk.file).toContain(`-${String(chunk.weight)}-normal`);
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
    expect(css.match(/@font-face/g)).toHaveLength(result[0]?.chunks ?? -1);
    expect(css).toContain("src:url(./noto-sans-sc-111-700-normal.woff2) format('woff2');unicode-range:U+");
    expect(css).not.toMatch(/\.woff\)|files\//);
    const reports = readFileSync(join(dir, 'report-fonts.css'), 'utf8');
    expect(reports.match(/@font-face/g)).toHaveLength(result.reduce((n, family) => n + family.chunks, 0));
    expect(reports).toContain("font-family:'LXGW WenKai';font-style:normal;font-weight:400");
    expect(reports).not.toMatch(/\.woff\)|files\//);
  });

  it("parses lxgw-wenkai-webfont's quoted URLs too", () => {
    const css = `@font-face { font-weight: 400; src: url('./files/w-subset-4.woff2') format('woff2');
      unicode-range: U+1f1e9-1f1f5, U+4e00 }`;
    expect(parseFontsourceCss(css, 400)).toEqual([
      {
        file: 'w-subset-4.woff2',
        weight: 400,
        ranges: [
          [0x1f1e9, 0x1f1f5],
          [0x4e00, 0x4e00],
        ],
      },
    ]);
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

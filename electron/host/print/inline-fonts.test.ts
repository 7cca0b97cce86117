// Choosing and inlining the shipped font's chunks, against the fonts folder built the way the build
// builds it (scripts/copy-fonts.mjs), so these tests do not depend on `npm run build` having run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFonts } from '../../../scripts/copy-fonts.mjs';
import type { FontManifest } from './font-manifest';
import { chunksFor, inlineFonts } from './inline-fonts';
import { codePointsOf } from './text-points';

const NOTICE = '督查〔2026〕12号 整改通知书 ABC';
const SANS = "body{font-family:'Noto Sans SC'}";
const page = (body: string, style = SANS) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>${style}</style></head><body>${body}</body></html>`;

let dir = '';
let fontsDir = '';
let manifest: FontManifest;
/** The chunks of one shipped family. */
const chunksOf = (family: string) => manifest.families.find((f) => f.family === family)?.chunks ?? [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ducha-fonts-'));
  fontsDir = join(dir, 'fonts');
  copyFonts(fontsDir);
  manifest = JSON.parse(readFileSync(join(fontsDir, 'manifest.json'), 'utf8')) as FontManifest;
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The chunks holding a character of `text`, found the slow, obvious way. */
const chunksHolding = (text: string, family = 'Noto Sans SC'): string[] =>
  chunksOf(family)
    .filter((chunk) =>
      [...text].some((ch) => {
        const point = ch.codePointAt(0) ?? 0;
        return chunk.ranges.some(([from, to]) => point >= from && point <= to);
      }),
    )
    .map((chunk) => chunk.file)
    .sort();

describe('choosing the font chunks', () => {
  it('takes exactly the chunks of a notice number and title, in both weights', async () => {
    const { files } = await inlineFonts(page(`<p>${NOTICE}</p>`), fontsDir);
    const expected = [103, 111, 116, 117, 118, 119, 'latin'].flatMap((chunk) =>
      [400, 700].map((weight) => `noto-sans-sc-${String(chunk)}-${String(weight)}-normal.woff2`),
    );
    expect([...files].sort()).toEqual(expected.sort());
    expect([...files].sort()).toEqual(chunksHolding(NOTICE));
  });

  it('reads text only: not markup, style sheets or data: URLs', () => {
    const points = codePointsOf(
      page('<p title="x">督</p><img src="data:image/jpeg;base64,5Lit5paH/QUJD">', 'body{font-family:"思源"}'),
    );
    expect(points.has('督'.codePointAt(0) ?? 0)).toBe(true);
    for (const absent of ['<', '思', '/', 'Q', 'x'])
      expect(points.has(absent.codePointAt(0) ?? 0)).toBe(false);
  });

  it('reads character references and the margin boxes’ content', () => {
    const points = codePointsOf(
      page(
        '&#x7763;&#26597;',
        '@page { @top-center { content: "整改" } @bottom-center { content: "\\7B2C " } }',
      ),
    );
    for (const ch of '督查整改第') expect(points.has(ch.codePointAt(0) ?? 0)).toBe(true);
  });

  it('finds no chunk for characters the font lacks', () => {
    expect(chunksFor(chunksOf('Noto Sans SC'), new Set([0x1f600]))).toEqual([]);
  });

  it('inlines only the families the document names, each for its text', async () => {
    const serif = "body{font-family:'Noto Serif SC'} h1{font-family:'LXGW WenKai'}";
    const { files, html } = await inlineFonts(page(`<p>${NOTICE}</p>`, serif), fontsDir);
    expect([...files].sort()).toEqual(
      [...chunksHolding(NOTICE, 'Noto Serif SC'), ...chunksHolding(NOTICE, 'LXGW WenKai')].sort(),
    );
    expect(files.some((file) => file.startsWith('noto-sans-sc'))).toBe(false);
    expect(html).toContain("font-family:'LXGW WenKai';font-style:normal;font-weight:400");
    expect(await inlineFonts(page('<p>督查</p>', ''), fontsDir)).toMatchObject({ files: [] });
  });
});

describe('inlining', () => {
  it('puts @font-face rules with data: URLs right before </head>', async () => {
    const { html } = await inlineFonts(page('<p>督查</p>'), fontsDir);
    const style = /<style>(@font-face[^<]*)<\/style><\/head>/.exec(html)?.[1] ?? '';
    expect(style).toContain("font-family:'Noto Sans SC'");
    expect(style).toContain('src:url(data:font/woff2;base64,d09GMg');
    expect(style).toMatch(/font-weight:700/);
    expect(style).not.toContain('url(./');
  });

  it('refuses a document with no </head>', async () => {
    await expect(inlineFonts('<p>整改</p>', fontsDir)).rejects.toThrow(/no <\/head>/);
  });

  it('says how to get the fonts when the folder has no manifest', async () => {
    await expect(inlineFonts(page('<p>整改</p>'), join(dir, 'nowhere'))).rejects.toThrow(
      /shipped fonts are missing from .*nowhere.*run "npm run build"/,
    );
  });
});

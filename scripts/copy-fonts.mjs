// Ships the CJK fonts with the app, each split by its package into unicode-range chunks: Noto Sans SC
// (黑体's stand-in, and the app's own face) and Noto Serif SC (the stand-in for 仿宋 and 小标宋, no
// open FangSong being on npm or in Debian with simplified characters), both from @fontsource, and
// LXGW WenKai (楷体's stand-in) from lxgw-wenkai-webfont — all under the SIL Open Font License. They
// go to renderer/public/fonts (Vite copies public/ into dist/renderer), with a style sheet per use
// (the app's face; the reports' faces for previews) and a manifest the host reads to inline, into a
// document it prints, only the chunks of the families it names that hold its text — so a PDF never
// depends on the fonts of the laptop that made it, unless the laptop has the office's own fonts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The families shipped: the npm package, and its style sheet for each weight taken. */
export const FAMILIES = [
  { family: 'Noto Sans SC', package: '@fontsource/noto-sans-sc', sheets: { 400: '400.css', 700: '700.css' } },
  {
    family: 'Noto Serif SC',
    package: '@fontsource/noto-serif-sc',
    sheets: { 400: '400.css', 700: '700.css' },
  },
  { family: 'LXGW WenKai', package: 'lxgw-wenkai-webfont', sheets: { 400: 'lxgwwenkai-regular.css' } },
];
/** The app's own face (index.html links its sheet); the reports' previews link REPORT_SHEET. */
export const FAMILY = 'Noto Sans SC';
export const APP_SHEET = 'noto-sans-sc.css';
export const REPORT_SHEET = 'report-fonts.css';

/**
 * Parses a package's per-weight CSS into chunks: file name, weight, unicode ranges [from, to].
 * Fontsource writes `url(./files/x.woff2)`, lxgw-wenkai-webfont `url('./files/x.woff2')`.
 */
export function parseFontsourceCss(css, weight) {
  const chunks = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(['"]?\.\/files\/([^)'"]+\.woff2)['"]?\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;}]+)[;}]/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part) => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    });
    chunks.push({ file, weight, ranges });
  }
  return chunks;
}

const hex = (n) => n.toString(16);

/** @font-face rules of relative woff2 URLs, one per chunk. */
function faceRules(family, chunks) {
  return chunks
    .map(
      (c) =>
        `@font-face{font-family:'${family}';font-style:normal;font-weight:${c.weight};font-display:block;` +
        `src:url(./${c.file}) format('woff2');unicode-range:${c.ranges
          .map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`))
          .join(',')};}`,
    )
    .join('\n');
}

/**
 * Copies the font files into `outDir` and writes the two style sheets and manifest.json there.
 * `packagesDir` is where the packages are installed (node_modules).
 */
export function copyFonts(outDir, packagesDir = join(root, 'node_modules')) {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const families = FAMILIES.map((spec) => {
    const packageDir = join(packagesDir, ...spec.package.split('/'));
    if (!existsSync(packageDir)) throw new Error(`${packageDir} is missing: run npm install`);
    const chunks = Object.entries(spec.sheets).flatMap(([weight, sheet]) =>
      parseFontsourceCss(readFileSync(join(packageDir, sheet), 'utf8'), Number(weight)),
    );
    for (const chunk of chunks) copyFileSync(join(packageDir, 'files', chunk.file), join(outDir, chunk.file));
    const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
    return { family: spec.family, version, chunks };
  });
  const rules = (family) => faceRules(family.family, family.chunks);
  writeFileSync(join(outDir, APP_SHEET), `${rules(families.find((f) => f.family === FAMILY))}\n`);
  writeFileSync(join(outDir, REPORT_SHEET), `${families.map(rules).join('\n')}\n`);
  writeFileSync(
    join(outDir, 'manifest.json'),
    JSON.stringify({ families: families.map(({ family, chunks }) => ({ family, chunks })) }),
  );
  return families.map(({ family, version, chunks }) => ({ family, version, chunks: chunks.length }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(root, 'renderer', 'public', 'fonts');
  for (const { family, version, chunks } of copyFonts(out))
    console.log(`Fonts: ${chunks} chunks of ${family} ${version} in ${out}`);
}

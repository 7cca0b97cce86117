// Ships the CJK font with the app: Noto Sans SC (SIL Open Font License) from @fontsource, weights 400
// and 700, as the ~100 unicode-range chunks fontsource splits it into. They go to renderer/public/fonts
// (Vite copies public/ into dist/renderer), with a style sheet for the app's previews and a manifest
// the host reads to inline, into a document it prints, only the chunks the document's text uses — so
// a PDF never depends on the fonts of the laptop that made it.
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WEIGHTS = [400, 700];
export const FAMILY = 'Noto Sans SC';

/** Parses fontsource's per-weight CSS into chunks: file name, weight, unicode ranges [from, to]. */
export function parseFontsourceCss(css, weight) {
  const chunks = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part) => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to ?? from, 16)];
    });
    chunks.push({ file, weight, ranges });
  }
  return chunks;
}

/** Copies the font files into `outDir` and writes noto-sans-sc.css and manifest.json there. */
export function copyFonts(outDir, packageDir = join(root, 'node_modules', '@fontsource', 'noto-sans-sc')) {
  if (!existsSync(packageDir)) throw new Error(`${packageDir} is missing: run npm install`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const chunks = WEIGHTS.flatMap((weight) =>
    parseFontsourceCss(readFileSync(join(packageDir, `${weight}.css`), 'utf8'), weight),
  );
  for (const chunk of chunks) copyFileSync(join(packageDir, 'files', chunk.file), join(outDir, chunk.file));
  const hex = (n) => n.toString(16);
  const css = chunks
    .map(
      (c) =>
        `@font-face{font-family:'${FAMILY}';font-style:normal;font-weight:${c.weight};font-display:block;` +
        `src:url(./${c.file}) format('woff2');unicode-range:${c.ranges
          .map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`))
          .join(',')};}`,
    )
    .join('\n');
  writeFileSync(join(outDir, 'noto-sans-sc.css'), `${css}\n`);
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify({ family: FAMILY, chunks }));
  const version = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version;
  return { chunks: chunks.length, version };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(root, 'renderer', 'public', 'fonts');
  const { chunks, version } = copyFonts(out);
  console.log(`Fonts: ${chunks} chunks of Noto Sans SC ${version} in ${out}`);
}

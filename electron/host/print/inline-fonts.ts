// Puts the shipped fonts into a document to print: of the families the document names, and of their
// ~100 chunks a weight (split by unicode range), only those holding a character of the document's
// text are inlined as data: URLs — a notice needs a few dozen, not 18 MB — so the PDF never depends
// on the laptop's fonts. A family the document does not name is left out whole.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type FontChunk, manifestOf } from './font-manifest';
import { PrintError } from './pdf-printer';
import { codePointsOf } from './text-points';

/** The chunks holding any of the code points. */
export function chunksFor(chunks: readonly FontChunk[], points: ReadonlySet<number>): FontChunk[] {
  const sorted = [...points].sort((a, b) => a - b);
  return chunks.filter((chunk) =>
    chunk.ranges.some(([from, to]) => {
      // Binary search for the first point ≥ from.
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((sorted[mid] as number) < from) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && (sorted[lo] as number) <= to;
    }),
  );
}

const hex = (n: number) => n.toString(16);

export async function inlineFonts(
  html: string,
  fontsDir: string,
): Promise<{ html: string; files: string[] }> {
  const head = html.search(/<\/head>/i);
  if (head < 0)
    throw new PrintError('the document has no </head>; a report to print must be a complete HTML document');
  const manifest = await manifestOf(fontsDir);
  const points = codePointsOf(html);
  const chosen = manifest.families
    .filter(({ family }) => html.includes(family))
    .flatMap(({ family, chunks }) => chunksFor(chunks, points).map((chunk) => ({ family, ...chunk })));
  const faces = await Promise.all(
    chosen.map(async (chunk) => {
      const data = await readFile(join(fontsDir, chunk.file)).catch((error: unknown) => {
        throw new PrintError(
          `a font file is missing: ${chunk.file} (${error instanceof Error ? error.message : String(error)}); run "npm run build"`,
        );
      });
      const range = chunk.ranges
        .map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`))
        .join(',');
      return `@font-face{font-family:'${chunk.family}';font-style:normal;font-weight:${String(chunk.weight)};font-display:block;src:url(data:font/woff2;base64,${data.toString('base64')}) format('woff2');unicode-range:${range};}`;
    }),
  );
  const style = `<style>${faces.join('\n')}</style>`;
  return { html: html.slice(0, head) + style + html.slice(head), files: chosen.map((c) => c.file) };
}

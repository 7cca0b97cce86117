// Types of copy-fonts.mjs, for the tests that build the fonts folder the way the build does.

export interface FontChunk {
  file: string;
  weight: number;
  ranges: [number, number][];
}

export declare const FAMILY: string;
export declare const APP_SHEET: string;
export declare const REPORT_SHEET: string;
export declare const FAMILIES: readonly { family: string; package: string; sheets: Record<number, string> }[];

/** Parses a package's per-weight CSS into chunks: file name, weight, unicode ranges [from, to]. */
export declare function parseFontsourceCss(css: string, weight: number): FontChunk[];

/** Copies the font files into `outDir` and writes the style sheets and manifest.json there. */
export declare function copyFonts(
  outDir: string,
  packagesDir?: string,
): { family: string; chunks: number; version: string }[];

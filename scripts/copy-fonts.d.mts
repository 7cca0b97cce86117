// Types of copy-fonts.mjs, for the tests that build the fonts folder the way the build does.

export interface FontChunk {
  file: string;
  weight: number;
  ranges: [number, number][];
}

export declare const FAMILY: string;

/** Parses fontsource's per-weight CSS into chunks: file name, weight, unicode ranges [from, to]. */
export declare function parseFontsourceCss(css: string, weight: number): FontChunk[];

/** Copies the font files into `outDir` and writes noto-sans-sc.css and manifest.json there. */
export declare function copyFonts(outDir: string, packageDir?: string): { chunks: number; version: string };

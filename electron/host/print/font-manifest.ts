// The manifest of the shipped fonts (fonts/manifest.json, written by scripts/copy-fonts.mjs): each
// family's chunk files with their weights and unicode ranges, so that a print needs no CSS parsing.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PrintError } from './pdf-printer';

/** One file of the font, as scripts/copy-fonts.mjs lists it in fonts/manifest.json. */
export interface FontChunk {
  readonly file: string;
  readonly weight: number;
  /** Inclusive code point ranges, from the chunk's unicode-range. */
  readonly ranges: readonly (readonly [number, number])[];
}

export interface FontFamily {
  readonly family: string;
  readonly chunks: readonly FontChunk[];
}

export interface FontManifest {
  readonly families: readonly FontFamily[];
}

const manifests = new Map<string, Promise<FontManifest>>();

async function readManifest(fontsDir: string): Promise<FontManifest> {
  let manifest: FontManifest;
  try {
    manifest = JSON.parse(await readFile(join(fontsDir, 'manifest.json'), 'utf8')) as FontManifest;
  } catch (error) {
    throw new PrintError(
      `the shipped fonts are missing from ${fontsDir} (${error instanceof Error ? error.message : String(error)}); run "npm run build"`,
    );
  }
  const wellFormed = (family: FontFamily) =>
    typeof family.family === 'string' && Array.isArray(family.chunks);
  if (!Array.isArray(manifest.families) || !manifest.families.every(wellFormed))
    throw new PrintError(`${join(fontsDir, 'manifest.json')} is not a font manifest; run "npm run build"`);
  return manifest;
}

/** The manifest of a fonts folder, read once. */
export const manifestOf = (fontsDir: string): Promise<FontManifest> => {
  let manifest = manifests.get(fontsDir);
  if (!manifest) {
    manifest = readManifest(fontsDir);
    manifests.set(fontsDir, manifest);
    manifest.catch(() => manifests.delete(fontsDir));
  }
  return manifest;
};

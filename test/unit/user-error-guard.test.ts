// Errors reach the user in their language through renderer/ui/user-error.ts: a translated sentence,
// and the technical words only in the small details line below it. This scans the screens and the app
// shell for messages built from an error's own (English, technical) text, which would bypass that.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const SCANNED = ['renderer/features', 'renderer/app'];
const ERROR_NAMES = '(?:error|err|e|cause|exception|ex)';

/** Ways an error's own text is turned into a string. */
const RAW_TEXT: readonly RegExp[] = [
  // error.message, but not e.message[lang] (a message already given in both languages)
  new RegExp(`\\b${ERROR_NAMES}\\s*\\.\\s*message\\b(?!\\s*\\[)`),
  // (error as Error).message
  /\bas\s+\w*Error\w*\s*\)\s*\.\s*message\b/,
  new RegExp(`\\bString\\(\\s*${ERROR_NAMES}\\s*\\)`),
  // `${error}`, but not a translation key picked by a kind: `dashboard.targets.errors.${error}`
  new RegExp(`(?<!\\.)\\$\\{\\s*${ERROR_NAMES}\\s*\\}`),
  new RegExp(`\\b${ERROR_NAMES}\\.toString\\(\\)`),
];

/**
 * Code that is not a screen and keeps an error's text as technical detail, for a log or for the
 * details line, never as the message itself. Each entry says why.
 */
const TECHNICAL: Readonly<Record<string, string>> = {
  'renderer/features/onboarding/campaign.worker.ts':
    'the worker hands its failure to the page, which rejects with it as an Error',
  'renderer/features/photos/derivatives.worker.ts':
    'the worker hands the decoder’s words to the page as DeriveError detail',
  'renderer/features/photos/intake.ts': 'PhotoIntakeError.detail is for the log; the kind picks the message',
  'renderer/features/sync/problem-text.ts':
    'an unexpected failure’s text goes to the details line only; the sync problem picks the message',
  'renderer/features/projects/excel/read-workbook.ts':
    'WorkbookReadError’s message is technical; its kind picks the message',
};

function sources(folder: string): string[] {
  return readdirSync(join(REPO, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) =>
      relative(REPO, join(REPO, folder, file))
        .split('\\')
        .join('/'),
    );
}

/** Every line of the scanned sources that builds text from an error, as "path:line: code". */
function rawErrorText(): string[] {
  const found: string[] = [];
  for (const file of SCANNED.flatMap(sources)) {
    if (file in TECHNICAL) continue;
    const lines = readFileSync(join(REPO, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (RAW_TEXT.some((pattern) => pattern.test(line))) found.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

describe('errors shown to the user', () => {
  it('are never built from the error’s own text outside renderer/ui/user-error.ts', () => {
    expect(rawErrorText()).toEqual([]);
  });

  it('are looked for with patterns that catch the usual ways', () => {
    const caught = (line: string) => RAW_TEXT.some((pattern) => pattern.test(line));
    expect(caught("t('x', { reason: error instanceof Error ? error.message : String(error) })")).toBe(true);
    expect(caught('setError(e instanceof Error ? e.message : String(e));')).toBe(true);
    expect(caught('void message.error(String(error));')).toBe(true);
    expect(caught('const text = (error as Error).message;')).toBe(true);
    expect(caught('setProblem(`${error}`);')).toBe(true);
    expect(caught('{e.message[lang]}')).toBe(false);
    expect(caught('t(`dashboard.targets.errors.${error}`)')).toBe(false);
    expect(caught('const failure = describeError(error, t);')).toBe(false);
  });

  it('allow only files that exist', () => {
    const scanned = new Set(SCANNED.flatMap(sources));
    expect(Object.keys(TECHNICAL).filter((file) => !scanned.has(file))).toEqual([]);
  });
});

// The README's "Automation contract" table lists the English accessible names acceptance testers drive
// the app by. This holds the table to the app: every English name listed must still be an English
// message (renderer/i18n/en.ts, sections included) or a literal aria-label or title in a component, a
// message key cited in a row's notes must exist and give that name, and no row is listed twice.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/i18n/en';

const REPO = join(import.meta.dirname, '..', '..');
const COLUMNS = ['page/area', 'role', 'English name', '中文', 'notes'];

// ARIA roles as Playwright's getByRole takes them; a typo in the table's role column fails.
const ROLES = new Set([
  'alert',
  'button',
  'checkbox',
  'columnheader',
  'combobox',
  'dialog',
  'group',
  'heading',
  'img',
  'link',
  'list',
  'listitem',
  'menuitem',
  'navigation',
  'progressbar',
  'radio',
  'radiogroup',
  'region',
  'row',
  'searchbox',
  'spinbutton',
  'status',
  'switch',
  'tab',
  'table',
  'tabpanel',
  'textbox',
  'toolbar',
  'tooltip',
]);

interface Row {
  line: number;
  page: string;
  role: string;
  name: string;
  zh: string;
  notes: string;
}

/** The rows of the one table in README.md's "## Automation contract" section. */
function contractRows(): Row[] {
  const lines = readFileSync(join(REPO, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === '## Automation contract');
  if (start < 0) throw new Error('README.md has no "## Automation contract" section');
  const next = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  const section = lines.slice(start + 1, next < 0 ? undefined : next).map((text, i) => ({
    text: text.trim(),
    line: start + 2 + i,
  }));
  const tableLines = section.filter((l) => l.text.startsWith('|'));
  const first = section.indexOf(tableLines[0]!);
  // One table: its lines follow each other, with nothing else between them.
  expect(section.slice(first, first + tableLines.length)).toEqual(tableLines);
  const cells = (text: string) =>
    text
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
  const [header, separator, ...body] = tableLines;
  expect(cells(header!.text)).toEqual(COLUMNS);
  expect(cells(separator!.text).every((c) => /^:?-{3,}:?$/.test(c))).toBe(true);
  return body.map(({ text, line }) => {
    const row = cells(text);
    if (row.length !== COLUMNS.length)
      throw new Error(`README.md:${line}: expected 5 cells, got ${row.length}`);
    const [page, role, name, zh, notes] = row as [string, string, string, string, string];
    return { line, page, role, name: name.replace(/^`(.*)`$/, '$1'), zh, notes };
  });
}

/** Every string of the English messages, by its dotted key. */
function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value !== null && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  return into;
}

/** Literal aria-label="…" and title="…" strings (also {'…'}) in renderer/**\/*.tsx. */
function literalLabels(): Set<string> {
  const found = new Set<string>();
  const pattern = /\b(?:aria-label|title)=(?:"([^"]*)"|\{'([^']*)'\}|\{"([^"]*)"\})/g;
  const dir = join(REPO, 'renderer');
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.tsx')) continue;
    for (const m of readFileSync(join(dir, file), 'utf8').matchAll(pattern))
      found.add(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return found;
}

const rows = contractRows();
const messages = flatten(en);
const englishStrings = new Set(messages.values());
const literals = literalLabels();

describe('the automation contract in README.md', () => {
  it('is one table with rows for every area of the app', () => {
    expect(rows.length).toBeGreaterThan(100);
    const pages = new Set(rows.map((r) => r.page));
    for (const page of ['first run', 'projects', 'visit', 'issues', 'reports', 'exchange', 'settings'])
      expect(pages).toContain(page);
    expect(rows.filter((r) => r.role === 'menuitem').map((r) => r.name)).toEqual(
      expect.arrayContaining(['Projects', 'Visits', 'Issues', 'Dashboard', 'Reports', 'Exchange', 'Sync']),
    );
  });

  it('fills every cell with a known role', () => {
    const bad = rows.filter((r) => !r.page || !r.name || !r.zh || !ROLES.has(r.role));
    expect(bad.map((r) => `README.md:${r.line}: ${r.page} | ${r.role} | ${r.name} | ${r.zh}`)).toEqual([]);
  });

  it('lists only English names the app still has', () => {
    const missing = rows.filter((r) => !englishStrings.has(r.name) && !literals.has(r.name));
    expect(
      missing.map((r) => `README.md:${r.line}: "${r.name}" (${r.role}, ${r.page}) is no longer in the app`),
    ).toEqual([]);
  });

  it('cites message keys that exist and give the listed name', () => {
    const wrong: string[] = [];
    for (const r of rows) {
      const keys = [...r.notes.matchAll(/`([A-Za-z]+(?:\.[A-Za-z0-9_]+)+)`/g)].map((m) => m[1]!);
      for (const key of keys.filter((k) => !messages.has(k)))
        wrong.push(`README.md:${r.line}: no English message "${key}"`);
      if (keys.length > 0 && !keys.some((k) => messages.get(k) === r.name))
        wrong.push(`README.md:${r.line}: none of ${keys.join(', ')} reads "${r.name}"`);
    }
    expect(wrong).toEqual([]);
  });

  it('lists each (page, role, name) once', () => {
    const seen = new Map<string, number>();
    const repeated: string[] = [];
    for (const r of rows) {
      const id = `${r.page} | ${r.role} | ${r.name}`;
      const earlier = seen.get(id);
      if (earlier !== undefined) repeated.push(`README.md:${r.line} repeats line ${earlier}: ${id}`);
      else seen.set(id, r.line);
    }
    expect(repeated).toEqual([]);
  });
});

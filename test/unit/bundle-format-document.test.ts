// docs/bundle-format.md is what an independent writer or reader follows: its lists, codes and byte
// counts are checked here against the code, so the document cannot drift from what Ducha does.
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../shared/crypto/sha256';
import { canonicalJson, type Json } from '../../shared/sync/canonical-json';
import { MANIFEST_PATH, ManifestSchema } from '../../shared/bundle/manifest';
import { OPERATIONS_PROBLEMS } from '../../shared/bundle/operations-ndjson';
import { recordFieldsAppendix } from '../../shared/bundle/record-fields-doc';
import {
  isWeakPublicKey,
  signingPayload,
  SMALL_ORDER_POINTS,
  verifyManifestSignature,
} from '../../shared/bundle/signing';
import { BUNDLE_PROBLEM_CODES, MANIFEST_RULES, verifyBundle } from '../../shared/bundle/verify';

const DOC_PATH = new URL('../../docs/bundle-format.md', import.meta.url);
const doc = readFileSync(DOC_PATH, 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string): Uint8Array =>
  Uint8Array.from(text.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));

/** The text of a section, from its heading to the next heading of the same level. */
function section(heading: string): string {
  const start = doc.indexOf(`\n## ${heading}`);
  expect(start, heading).toBeGreaterThan(-1);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? doc.length : end);
}

/** The fenced code blocks of a text, without their fences. */
const codeBlocks = (text: string): string[] =>
  [...text.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

/** The codes in the first column of the table that follows `after`, in order. */
function tableCodes(text: string, after: string, column = 0): string[] {
  const at = text.indexOf(after);
  expect(at, after).toBeGreaterThan(-1);
  const rows = text
    .slice(at)
    .split('\n')
    .filter((line) => line.startsWith('|'));
  const table: string[] = [];
  for (const row of rows.slice(2)) {
    const cell = row.split('|')[column + 1] ?? '';
    table.push(...[...cell.matchAll(/`([a-zA-Z0-9]+)`/g)].map((m) => m[1] ?? ''));
  }
  return table;
}

describe('docs/bundle-format.md', () => {
  it("Appendix A lists every table's fields exactly as the record schemas accept them", () => {
    const begin = '<!-- appendix A: generated, do not edit by hand -->\n';
    const end = '<!-- appendix A end -->';
    const from = doc.indexOf(begin) + begin.length;
    const to = doc.indexOf(end);
    expect(from).toBeGreaterThan(begin.length);
    const expected = `${recordFieldsAppendix()}\n`;
    if (process.env.UPDATE_FORMAT_DOC === '1' && doc.slice(from, to) !== expected) {
      writeFileSync(DOC_PATH, doc.slice(0, from) + expected + doc.slice(to));
      return;
    }
    // On a change of a record schema: UPDATE_FORMAT_DOC=1 npx vitest run test/unit/bundle-format-document.test.ts
    expect(doc.slice(from, to)).toBe(expected);
  });

  it('§8 lists every problem code of the reader, in the order the checks run', () => {
    const text = section('8. Reading a bundle');
    const rows = text
      .slice(text.indexOf('| # | check | problem code |'))
      .split('\n')
      .filter((line) => /^\| \d+ \|/.test(line) && !line.includes('nests at most'));
    const codes = rows.flatMap((row) =>
      [...(row.split('|')[3] ?? '').matchAll(/`([a-zA-Z0-9]+)`/g)]
        .map((m) => m[1] ?? '')
        .filter((code) => (BUNDLE_PROBLEM_CODES as readonly string[]).includes(code)),
    );
    expect(codes.filter((code, i) => codes.indexOf(code) === i)).toEqual([...BUNDLE_PROBLEM_CODES]);
    expect(tableCodes(text, '| rule | what is wrong |')).toEqual([...MANIFEST_RULES]);
  });

  it('§6 lists every problem of the operations file', () => {
    const listed = tableCodes(section('6. The operations file'), '| code | the line (or file) | carries |');
    expect([...listed].sort()).toEqual([...OPERATIONS_PROBLEMS].sort());
  });

  it('§5 lists exactly the small-order keys a reader refuses, with both sign bits', () => {
    const listed = (codeBlocks(section('5. Canonical JSON')).find((b) => b.startsWith('0000')) ?? '')
      .trim()
      .split('\n');
    const expected = SMALL_ORDER_POINTS.flatMap((point) => {
      const bytes = fromHex(point);
      const signed = Uint8Array.from(bytes);
      signed[31] = (signed[31] ?? 0) | 0x80;
      return [hex(bytes), hex(signed)];
    });
    expect(listed).toHaveLength(14);
    expect([...listed].sort()).toEqual([...expected].sort());
    for (const key of listed) expect(isWeakPublicKey(fromHex(key)), key).toBe(true);
    // Flipping any other bit gives a key that is not refused as weak.
    expect(isWeakPublicKey(fromHex(`02${'0'.repeat(62)}`))).toBe(false);
  });

  describe('§10, the worked example', () => {
    const text = section('10. Worked example');
    const [opsBlock = '', manifestBlock = '', canonicalBlock = ''] = codeBlocks(text);
    const indexHtml = /`(<!doctype html>[^`]*)`/.exec(text)?.[1] ?? '';
    const operations = opsBlock; // each line of the block ends with \n, as in the file
    const index = `${indexHtml}\n`;
    const manifest = ManifestSchema.parse(JSON.parse(manifestBlock));
    const listed = (path: string) => manifest.files.find((file) => file.path === path);

    it('states the byte counts of every file and of the signed bytes exactly', async () => {
      expect(text).toContain(`\`bundle/operations.ndjson\` (${utf8(operations).length} bytes;`);
      expect(utf8(operations).length).toBe(364);
      expect(text).toContain(
        `\`index.html\` is ${utf8(index).length} bytes: the ${utf8(indexHtml).length} bytes of`,
      );
      expect(utf8(indexHtml).length).toBe(58);
      expect(utf8(indexHtml).length - utf8('督查').length).toBe(52);
      expect(listed('bundle/operations.ndjson')).toMatchObject({
        size: utf8(operations).length,
        sha256: await sha256Hex(utf8(operations)),
      });
      expect(listed('index.html')).toMatchObject({
        size: utf8(index).length,
        sha256: await sha256Hex(utf8(index)),
      });
      const payload = signingPayload(manifest);
      expect(canonicalBlock).toBe(`${new TextDecoder().decode(payload)}\n`);
      expect(text).toContain(`the UTF-8 (${payload.length} bytes)`);
      expect(canonicalJson(JSON.parse(canonicalBlock) as Json)).toBe(canonicalBlock.trimEnd());
    });

    it('verifies with its files, as a reader would', async () => {
      expect(await verifyManifestSignature(manifest)).toBe(true);
      const files = await Promise.all(
        [
          ['bundle/operations.ndjson', operations],
          ['index.html', index],
        ].map(async ([path = '', content = '']): Promise<{ path: string; size: number; sha256: string }> => ({
          path,
          size: utf8(content).length,
          sha256: await sha256Hex(utf8(content)),
        })),
      );
      const result = await verifyBundle({
        manifestText: manifestBlock,
        files: [...files, { path: MANIFEST_PATH, size: utf8(manifestBlock).length, sha256: '0'.repeat(64) }],
        refused: [],
        now: Date.parse('2026-07-04T09:00:00.000Z'),
        trustedKeyOf: () => null,
        held: {},
        self: { node: '0123456789abcdef' },
      });
      expect(result).toMatchObject({ ok: true, trust: 'unknown', unlisted: [] });
    });
  });
});

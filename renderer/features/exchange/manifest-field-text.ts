// A field of a bundle's manifest as a message names it: in words ("the source laptop's public key")
// and as written in the format (`source.publicKey`), so the person understands it and support can
// find it in docs/bundle-format.md §2. A field the format does not have is named only as written.
import type { TFunction } from 'i18next';
import { shownText } from './shown-text';

/** The manifest's fields by their place, `#` for a file's index (docs/bundle-format.md §2). */
const FIELD_KEYS: Readonly<Record<string, string>> = {
  format: 'format',
  formatVersion: 'formatVersion',
  createdAt: 'createdAt',
  app: 'app',
  source: 'source',
  'source.node': 'sourceNode',
  'source.name': 'sourceName',
  'source.publicKey': 'sourcePublicKey',
  team: 'team',
  'team.id': 'teamId',
  'team.name': 'teamName',
  kind: 'kind',
  recipient: 'recipient',
  'recipient.node': 'recipientNode',
  'recipient.name': 'recipientName',
  since: 'since',
  'since.*': 'sinceEntry',
  knowledge: 'knowledge',
  'knowledge.*': 'knowledgeEntry',
  clockRange: 'clockRange',
  'clockRange.from': 'clockRangeFrom',
  'clockRange.to': 'clockRangeTo',
  operations: 'operations',
  'operations.path': 'operationsPath',
  'operations.count': 'operationsCount',
  files: 'files',
  'files.#': 'file',
  'files.#.path': 'filePath',
  'files.#.sha256': 'fileSha256',
  'files.#.size': 'fileSize',
  'files.#.role': 'fileRole',
  'files.#.mimeType': 'fileMimeType',
  signature: 'signature',
  'signature.algorithm': 'signatureAlgorithm',
  'signature.value': 'signatureValue',
};

/** The message key of a field and, for a file's field, which file (counted from 1). */
export function manifestFieldKey(field: string): { key: string; n?: number } | null {
  const segments = field.split('.');
  const [first, second] = segments;
  let pattern = field;
  let n: number | undefined;
  if (first === 'files' && second !== undefined && /^\d+$/.test(second)) {
    n = Number(second) + 1;
    pattern = ['files', '#', ...segments.slice(2)].join('.');
  } else if ((first === 'since' || first === 'knowledge') && segments.length === 2) {
    // Their keys are device nodes: any node's entry is the same kind of field.
    pattern = `${first}.*`;
  }
  const key = Object.hasOwn(FIELD_KEYS, pattern) ? FIELD_KEYS[pattern] : undefined;
  return key === undefined ? null : n === undefined ? { key } : { key, n };
}

/** The field as the subject of a malformed-manifest message: in words and as written. */
export function manifestSubject(field: string, t: TFunction): string {
  if (field === '') return t('exchange.manifestSubject.whole');
  const shown = shownText(field);
  const known = manifestFieldKey(field);
  if (!known) return t('exchange.manifestSubject.bare', { field: shown });
  const what = t(`exchange.manifestFields.${known.key}`, known.n === undefined ? {} : { n: known.n });
  return t('exchange.manifestSubject.named', { what, field: shown });
}

// docs/example-bundle/: an export folder of a few records, built here from its records so that the
// folder on disk can be compared with it byte for byte (example-bundle.test.ts). It shows what a
// writer needs: every field of every record as an operation at the clock that won it, changes relayed
// from another laptop under that laptop's node, a photo original as a blob, and an issue's history
// that forked on two laptops apart and was joined by the next step (seq, prevHash, joins).
import { knowledgeOfOperations } from '../../shared/bundle/knowledge';
import type { ManifestFile, UnsignedManifest } from '../../shared/bundle/manifest';
import { encodeOperations } from '../../shared/bundle/operations-ndjson';
import { signManifest } from '../../shared/bundle/signing';
import { base64ToBytes } from '../../shared/crypto/base64';
import { sha256Hex } from '../../shared/crypto/sha256';
import type { IssueEvent } from '../../shared/domain/issue';
import { issueChain } from '../../shared/history/chain';
import type { Json } from '../../shared/sync/canonical-json';
import { encodeHlc } from '../../shared/sync/hlc';
import type { Operation } from '../../shared/sync/operation';
import type { SyncedTable } from '../../shared/sync/tables';

/** The laptop that made the bundle (RFC 8032 test 1's key, as in §10 of the format). */
export const SOURCE = 'a1b2c3d4e5f60718';
/** Another laptop, whose changes the source relays. */
export const OTHER = '0123456789abcdef';
const T0 = Date.parse('2026-07-04T08:00:00.000Z');
const MINUTE = 60_000;
const clock = (minutes: number, node: string, counter = 0): string =>
  encodeHlc({ wall: T0 + minutes * MINUTE, counter, node });
const instant = (minutes: number): string => new Date(T0 + minutes * MINUTE).toISOString();

const RFC8032_SECRET = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PKCS8_ED25519_PREFIX = '302e020100300506032b657004220420';
const PUBLIC_KEY = '11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=';
const hexBytes = (hex: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

/** An 8×8 baseline JPEG (sky over earth), 623 bytes: the photo's original. */
const PHOTO_JPEG = base64ToBytes(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEABQODxIPDRQSEBIXFRQYHjIhHhwcHj0sLiQySUBMS0dARkVQWnNiUFVtVkVGZIhlbXd7gYKBTmCNl4x9lnN+gXwBFRcXHhoeOyEhO3xTRlN8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fHx8fP/AABEIAAgACAMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AG/bv+mf/j1V7fyJ9j5n/9k=',
) as Uint8Array;

const id = (n: number): string => `0197d4a2-3c00-7000-8000-${String(n).padStart(12, '0')}`;
export const PROJECT_ID = id(1);
export const ISSUE_ID = id(2);
export const PHOTO_ID = id(21);
const REGION_ID = id(161);
const UNIT_ID = id(177);

const PROJECT_NAME = '思茅区污水处理厂';
const ISSUE_TITLE = '进水口周边裸土未覆盖';
const PHOTO_PATH = `photos/${PROJECT_NAME}/问题 ${ISSUE_TITLE}/进水口-整改前.jpg`;
const INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>督查数据 示例</title>' +
  '<p>一个项目、一个问题及其记录、一张照片。A project, an issue with its history, a photo.</p>\n';

/** Every field of a record, as one operation each, at the clock given per field (else `at`). */
function recordOperations(
  table: SyncedTable,
  record: Record<string, unknown>,
  at: string,
  later: Record<string, string> = {},
): Operation[] {
  return Object.entries(record)
    .filter(([field, value]) => field !== 'id' && value !== undefined)
    .map(([field, value]) => {
      const hlc = later[field] ?? at;
      return { table, rowId: record.id as string, field, value: value as Json, hlc, node: hlc.slice(-16) };
    });
}

/** The issue's history: created and issued on the source; then, apart, a deadline change on the
 * source and the unit's acknowledgement on the other laptop, both after the same entry; then the
 * source's next step, which joins both. */
async function issueHistory(photoSha256: string): Promise<{ entries: IssueEvent[]; clocks: string[] }> {
  const steps: [
    Omit<IssueEvent, 'id' | 'seq' | 'prevHash' | 'joins' | 'hash' | 'createdAt' | 'updatedAt'>,
    number,
    string,
    'after' | 'fork',
  ][] = [
    [
      {
        issueId: ISSUE_ID,
        kind: 'created',
        fromStatus: null,
        toStatus: 'draft',
        actorName: '王敏',
        at: instant(0),
        note: '进水口东侧约 200 平方米裸土未覆盖。',
        evidencePhotoSha256: [photoSha256],
        newDeadline: null,
      },
      0,
      SOURCE,
      'after',
    ],
    [
      {
        issueId: ISSUE_ID,
        kind: 'issued',
        fromStatus: 'draft',
        toStatus: 'issued',
        actorName: '王敏',
        at: instant(10),
        note: '督查〔2026〕12号',
        evidencePhotoSha256: [],
        newDeadline: null,
      },
      10,
      SOURCE,
      'after',
    ],
    [
      {
        issueId: ISSUE_ID,
        kind: 'deadlineChanged',
        fromStatus: 'issued',
        toStatus: 'issued',
        actorName: '王敏',
        at: instant(60),
        note: '雨季,顺延六天。',
        evidencePhotoSha256: [],
        newDeadline: '2026-07-24',
      },
      60,
      SOURCE,
      'fork',
    ],
    [
      {
        issueId: ISSUE_ID,
        kind: 'acknowledged',
        fromStatus: 'issued',
        toStatus: 'acknowledged',
        actorName: '李建国',
        at: instant(90),
        note: '已签收。',
        evidencePhotoSha256: [],
        newDeadline: null,
      },
      90,
      OTHER,
      'fork',
    ],
    [
      {
        issueId: ISSUE_ID,
        kind: 'progressNoted',
        fromStatus: 'acknowledged',
        toStatus: 'inProgress',
        actorName: '王敏',
        at: instant(180),
        note: '已开始覆盖防尘网。',
        evidencePhotoSha256: [],
        newDeadline: null,
      },
      180,
      SOURCE,
      'after',
    ],
  ];
  const entries: IssueEvent[] = [];
  const clocks: string[] = [];
  let forkBase: IssueEvent[] | null = null;
  for (const [index, [step, minutes, node, how]] of steps.entries()) {
    // Apart, each laptop appends after the history as it held it: the entries before the fork.
    const seen: IssueEvent[] = how === 'fork' ? (forkBase ??= [...entries]) : entries;
    const position = issueChain.nextPosition(seen);
    const fields = { id: id(11 + index), createdAt: step.at, updatedAt: step.at, ...step, ...position };
    const entry: IssueEvent = { ...fields, hash: await issueChain.hashEntry(position.prevHash, fields) };
    entries.push(entry);
    clocks.push(clock(minutes, node));
  }
  return { entries, clocks };
}

/** The folder: its files by path, bit for bit, the manifest included. */
export async function buildExampleBundle(): Promise<Map<string, Uint8Array>> {
  const photoSha256 = await sha256Hex(PHOTO_JPEG);
  const project = {
    id: PROJECT_ID,
    createdAt: instant(-60 * 24 * 30),
    updatedAt: instant(-60 * 24 * 30),
    name: PROJECT_NAME,
    category: 'sewage',
    regionId: REGION_ID,
    owner: '普洱市排水有限公司',
    responsibleUnitIds: [UNIT_ID],
    leaderId: null,
    totalInvestment: 3_422_500_000,
    planYear: 2026,
    annualPlan: 1_500_000_000,
    completedThisYear: 600_000_000,
    completedTotal: 2_100_000_000,
    scale: {
      areaM2: null,
      completedAreaM2: null,
      households: null,
      capacity: { value: 2, unit: '万吨/日' },
      landMu: 35.5,
      description: '',
    },
    funding: [{ source: 'centralSubsidy', committed: 1_000_000_000, arrived: 600_000_000 }],
    phase: 'underConstruction',
    milestones: [{ kind: 'groundbreaking', planned: '2025-03-01', actual: '2025-03-10' }],
    notes: '',
  };
  const { entries, clocks } = await issueHistory(photoSha256);
  const issue = {
    id: ISSUE_ID,
    createdAt: instant(0),
    updatedAt: instant(180),
    projectId: PROJECT_ID,
    regionId: REGION_ID,
    visitId: null,
    title: ISSUE_TITLE,
    description: '进水口东侧约 200 平方米裸土未覆盖,车辆进出扬尘明显。',
    category: 'environment',
    severity: 'general',
    responsibleUnitIds: [UNIT_ID],
    responsiblePerson: '李建国',
    coordinatingLeaderId: null,
    deadline: '2026-07-24',
    originalDeadline: '2026-07-18',
    status: 'inProgress',
    needsCoordination: false,
    noticeNumber: '督查〔2026〕12号',
    closedAt: null,
  };
  const photo = {
    id: PHOTO_ID,
    createdAt: instant(0),
    updatedAt: instant(0),
    sha256: photoSha256,
    fileName: '进水口-整改前.jpg',
    mimeType: 'image/jpeg',
    byteLength: PHOTO_JPEG.length,
    width: 8,
    height: 8,
    takenAt: instant(-2),
    gps: { lat: 22.7869, lng: 100.9772 },
    camera: null,
    orientation: 1,
    caption: '进水口东侧裸土未覆盖',
    projectId: PROJECT_ID,
    visitId: null,
    issueId: ISSUE_ID,
    checklistItemId: null,
  };
  const operations: Operation[] = [
    ...recordOperations('projects', project, clock(-60 * 24 * 30, SOURCE)),
    // The issue's fields at the clocks that won them: the status last set by the joining step.
    ...recordOperations('issues', issue, clock(0, SOURCE, 1), {
      noticeNumber: clock(10, SOURCE, 1),
      deadline: clock(60, SOURCE, 1),
      status: clock(180, SOURCE, 1),
      updatedAt: clock(180, SOURCE, 1),
    }),
    ...entries.flatMap((entry, i) => recordOperations('issueEvents', entry, clocks[i] as string)),
    ...recordOperations('photos', photo, clock(0, SOURCE, 2)),
  ];
  const opsText = encodeOperations(operations);
  const sorted = [...operations].map((op) => op.hlc).sort();
  const files = new Map<string, Uint8Array>([
    ['bundle/operations.ndjson', new TextEncoder().encode(opsText)],
    [PHOTO_PATH, PHOTO_JPEG],
    ['index.html', new TextEncoder().encode(INDEX_HTML)],
  ]);
  const roles: Record<string, ManifestFile['role']> = {
    'bundle/operations.ndjson': 'operations',
    [PHOTO_PATH]: 'blob',
    'index.html': 'page',
  };
  const entriesOfFiles: ManifestFile[] = [];
  for (const [path, bytes] of files) {
    entriesOfFiles.push({
      path,
      sha256: await sha256Hex(bytes),
      size: bytes.length,
      role: roles[path] ?? 'other',
      ...(path === PHOTO_PATH ? { mimeType: 'image/jpeg' } : {}),
    });
  }
  const unsigned: UnsignedManifest = {
    format: 'ducha-bundle',
    formatVersion: 1,
    createdAt: instant(181),
    app: 'Ducha 0.1.0',
    source: { node: SOURCE, name: '督查一组-笔记本2', publicKey: PUBLIC_KEY },
    team: { id: 'team-1', name: '市委督查一组' },
    kind: 'full',
    recipient: null,
    since: null,
    knowledge: knowledgeOfOperations(operations),
    clockRange: { from: sorted[0] as string, to: sorted[sorted.length - 1] as string },
    operations: { path: 'bundle/operations.ndjson', count: operations.length },
    files: entriesOfFiles,
  };
  const key = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    hexBytes(PKCS8_ED25519_PREFIX + RFC8032_SECRET),
    { name: 'Ed25519' },
    false,
    ['sign'],
  );
  const manifest = await signManifest(unsigned, key);
  files.set('bundle/manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
  return files;
}

// What storage tests need around a push: a team with a person and an enrolled device (operations name
// their pusher, and the schema holds them to existing ones), and operations made from a few numbers.
import { randomBytes } from 'node:crypto';
import type { Operation } from '../../../shared/sync/operation';
import { encodeHlc } from '../../../shared/sync/hlc';
import type { SyncedTable } from '../../../shared/sync/tables';
import type { Pusher, Store } from '../../src/store/store';
import { Random } from './random';

export const BASE_WALL = Date.UTC(2026, 5, 1);

/** A fake Ed25519 public key: 32 bytes in base64 (the store does not check keys). */
export const fakePublicKey = (): string => randomBytes(32).toString('base64');

export interface SeededTeam {
  readonly teamId: string;
  readonly personId: string;
  /** A pusher per enrolled device of the team (devices[0] first). */
  readonly pushers: Pusher[];
}

let seeded = 0;

/** A team, an inspector of it and `devices` laptops enrolled into it through one-time codes. */
export async function seedTeam(store: Store, teamId: string, devices = 2): Promise<SeededTeam> {
  seeded += 1;
  await store.createTeam({ id: teamId, name: `Team ${teamId}` });
  const personId = `p-${teamId}`;
  await store.createPerson({
    id: personId,
    login: `inspector.${seeded}`,
    name: `Inspector of ${teamId}`,
    role: 'inspector',
    teamId,
    passwordHash: null,
  });
  const pushers: Pusher[] = [];
  for (let i = 0; i < devices; i += 1) {
    const codeHash = randomBytes(32).toString('hex');
    await store.createEnrollmentCode({
      codeHash,
      teamId,
      createdBy: personId,
      createdAt: '2026-06-01T00:00:00.000Z',
      expiresAt: '2099-01-01T00:00:00.000Z',
      usedAt: null,
    });
    const deviceId = `d-${teamId}-${i}`;
    const device = await store.enroll(
      codeHash,
      {
        id: deviceId,
        name: `Laptop ${i}`,
        teamId,
        publicKey: fakePublicKey(),
        enrolledAt: '2026-06-01T00:00:00.000Z',
        revokedAt: null,
      },
      '2026-06-01T00:00:00.000Z',
    );
    if (!device) throw new Error('the seed enrollment failed');
    pushers.push({ deviceId, personId });
  }
  return { teamId, personId, pushers };
}

export const NODE_A = 'aaaaaaaaaaaaaaaa';
export const NODE_B = 'bbbbbbbbbbbbbbbb';
export const NODE_C = 'cccccccccccccccc';

export interface OperationSpec {
  readonly node: string;
  /** Milliseconds after BASE_WALL. */
  readonly at: number;
  readonly counter?: number;
  readonly table?: SyncedTable;
  readonly rowId: string;
  readonly field: string;
  readonly value: Operation['value'];
}

export function operation(spec: OperationSpec): Operation {
  const hlc = encodeHlc({ wall: BASE_WALL + spec.at, counter: spec.counter ?? 0, node: spec.node });
  return {
    table: spec.table ?? 'issues',
    rowId: spec.rowId,
    field: spec.field,
    value: spec.value,
    hlc,
    node: spec.node,
  };
}

/** A deterministic generator (support/random.ts's mulberry32), so a failing case replays. */
export function seededRandom(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Each node's edits of a few fields on a few rows, in the node's clock order: what laptops make
 * when their people work on the same records apart.
 */
export function editsOf(
  nodes: readonly string[],
  perNode: number,
  random: () => number,
  rows = 6,
  rowPrefix = 'row',
): Operation[] {
  const fields = ['title', 'status', 'notes', 'severity'] as const;
  const out: Operation[] = [];
  for (const node of nodes) {
    for (let i = 0; i < perNode; i += 1) {
      const field = fields[Math.floor(random() * fields.length)] ?? 'title';
      out.push(
        operation({
          node,
          // Distinct walls per node, with clashes between nodes, so the merge's tie-breaks are exercised.
          at: i * 10 + Math.floor(random() * 3),
          rowId: `${rowPrefix}-${Math.floor(random() * rows)}`,
          field,
          value: random() < 0.2 ? { text: `${node} ${i}`, n: i } : `${node}:${i}`,
        }),
      );
    }
  }
  return out;
}

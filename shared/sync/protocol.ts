// The sync protocol between a laptop and the central server: the bodies of every request and reply,
// as zod schemas both sides import, so the server checks what the laptops send with the same types
// the laptops were written against. The server's routes and their rules are in server/README.md.
import { z } from 'zod';
import { KnowledgeSchema } from '../bundle/manifest';
import { OperationSchema, readOperation, type Operation } from './operation';

/** Ids the server makes (uuidv7) and ids the app makes for teams and people: 1–64 characters. */
export const ServerIdSchema = z.string().min(1).max(64);
export const SHA256_HEX = /^[0-9a-f]{64}$/;
export const Sha256Schema = z.string().regex(SHA256_HEX, 'not a SHA-256 (64 lowercase hex)');

// ── Who is who ──────────────────────────────────────────────────────────────────────────────────

/**
 * admin: people, teams and devices, no records. office: reads and writes every team's records.
 * inspector: reads and writes their own team's records. leader: reads every team's, writes nothing.
 */
export const ROLES = ['admin', 'office', 'inspector', 'leader'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const LoginSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'a login is 2–32 lowercase letters, digits, ".", "_" or "-"');
/** At least 10 characters: a laptop keeps its sign-in for weeks, so the password is typed rarely. */
export const PasswordSchema = z.string().min(10).max(200);

export const TeamSchema = z.object({ id: ServerIdSchema, name: z.string().min(1).max(100) });
export type Team = z.infer<typeof TeamSchema>;

export const PersonSchema = z.object({
  id: ServerIdSchema,
  login: LoginSchema,
  name: z.string().min(1).max(50),
  role: RoleSchema,
  /** The person's team: required for an inspector, null for the city's admin, office and leaders. */
  teamId: ServerIdSchema.nullable(),
  disabled: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

export const DeviceSchema = z.object({
  id: ServerIdSchema,
  name: z.string().min(1).max(100),
  /** The team it was enrolled into; null for a laptop of the city office. */
  teamId: ServerIdSchema.nullable(),
  /** Ed25519 public key, raw 32 bytes in base64: the key it signs bundles with. */
  publicKey: z.string().min(40).max(48),
  enrolledAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

// ── Enrollment and sign-in ──────────────────────────────────────────────────────────────────────

/** Enrollment codes are read aloud or typed from paper: 12 characters of an unambiguous alphabet. */
export const EnrollmentCodeSchema = z.string().regex(/^[A-HJ-NP-Z2-9]{12}$/, 'not an enrollment code');

export const EnrollRequestSchema = z.object({
  code: EnrollmentCodeSchema,
  name: z.string().min(1).max(100),
  publicKey: z.string().min(40).max(48),
});
export const EnrollReplySchema = z.object({ device: DeviceSchema });

/** A fresh random challenge, single use, for one device, valid for two minutes. */
export const ChallengeRequestSchema = z.object({ deviceId: ServerIdSchema });
export const ChallengeReplySchema = z.object({ challenge: z.string().min(32).max(64) });

/** What the device signs: the purpose, the server's challenge, and the device, so no signature serves elsewhere. */
export const sessionProof = (challenge: string, deviceId: string): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(`ducha-session\n${challenge}\n${deviceId}`);

/** First sign-in of a person on a device: proves the device key and the person's password. */
export const SignInRequestSchema = z.object({
  deviceId: ServerIdSchema,
  challenge: z.string().min(32).max(64),
  /** Ed25519 signature of sessionProof(challenge, deviceId), base64. */
  signature: z.string().min(80).max(96),
  login: LoginSchema,
  password: z.string().min(1).max(200),
});
/**
 * The binding of a person to a device: kept by the laptop, it never expires with time (a laptop may
 * be offline for weeks); it ends only when the device is revoked, the person disabled, or they sign out.
 */
export const SignInReplySchema = z.object({
  binding: z.string().min(32).max(128),
  session: z.string().min(32).max(128),
  person: PersonSchema,
  sessionExpiresAt: z.string(),
});

/** Every later connection: the device key proven again, the binding named; no password. */
export const SessionRequestSchema = z.object({
  deviceId: ServerIdSchema,
  challenge: z.string().min(32).max(64),
  signature: z.string().min(80).max(96),
  binding: z.string().min(32).max(128),
});
export const SessionReplySchema = z.object({
  session: z.string().min(32).max(128),
  person: PersonSchema,
  sessionExpiresAt: z.string(),
});

// ── Administration ──────────────────────────────────────────────────────────────────────────────

/** First start: the one-time setup code the server printed makes the city's admin. */
export const SetupRequestSchema = z.object({
  code: EnrollmentCodeSchema,
  login: LoginSchema,
  name: PersonSchema.shape.name,
  password: PasswordSchema,
});
export const SetupReplySchema = z.object({ person: PersonSchema });

/** A new team: the id the laptops already use for its record, or none and the server makes one. */
export const NewTeamRequestSchema = z.object({ id: ServerIdSchema.optional(), name: TeamSchema.shape.name });
export const TeamsReplySchema = z.object({ teams: z.array(TeamSchema) });

/** A new person with a first password (they sign in with it on a laptop; an admin tells it to them). */
export const NewPersonRequestSchema = z
  .object({
    id: ServerIdSchema.optional(),
    login: LoginSchema,
    name: PersonSchema.shape.name,
    role: RoleSchema,
    teamId: ServerIdSchema.nullable(),
    password: PasswordSchema,
  })
  .refine((p) => (p.role === 'inspector') === (p.teamId !== null), {
    message: 'an inspector belongs to a team; admin, office and leaders to none',
    path: ['teamId'],
  });
export const PersonReplySchema = z.object({ person: PersonSchema });
export const PeopleReplySchema = z.object({ people: z.array(PersonSchema) });

/** An enrollment code for a laptop of a team, or of the city office (null). */
export const EnrollmentCodeRequestSchema = z.object({ teamId: ServerIdSchema.nullable() });
export const EnrollmentCodeReplySchema = z.object({ code: EnrollmentCodeSchema, expiresAt: z.string() });
export const DevicesReplySchema = z.object({ devices: z.array(DeviceSchema) });

// ── Cursor ───────────────────────────────────────────────────────────────────────────────────

/**
 * Where a laptop stands in a team's log. The epoch changes when the server is restored from a backup:
 * a cursor of another epoch means "send me what I lack" (see KnowledgeReply), then pull from 0.
 */
export const CursorSchema = z.object({ epoch: z.string().min(1).max(64), seq: z.number().int().min(0) });
export type Cursor = z.infer<typeof CursorSchema>;

// ── Push ────────────────────────────────────────────────────────────────────────────────────────

/** Small enough for every proxy between a hotel's Wi-Fi and the server. */
export const PUSH_MAX_OPERATIONS = 1000;
export const PUSH_MAX_BYTES = 1024 * 1024;

/**
 * A pusher's knowledge names at most this many nodes: a city has tens of laptops, not thousands, so
 * more is a fault, and the cap keeps one push's vector (about 60 B a node) well inside PUSH_MAX_BYTES.
 */
export const KNOWLEDGE_MAX_NODES = 10_000;

/** A version vector as a push carries it and a pull page returns it: the bundles' knowledge, bounded. */
export const PushKnowledgeSchema = KnowledgeSchema.refine(
  (knowledge) => Object.keys(knowledge).length <= KNOWLEDGE_MAX_NODES,
  `knowledge names at most ${String(KNOWLEDGE_MAX_NODES)} nodes`,
);

export const PushRequestSchema = z.object({
  operations: z.array(OperationSchema).min(1).max(PUSH_MAX_OPERATIONS),
  /**
   * What this laptop held when it made these operations (per node the latest clock). A laptop pushes
   * its outbox before it pulls, so its knowledge at push time is what its people saw when they edited;
   * another laptop compares it with its own operations to tell a conflict (neither knew of the other)
   * from a later change. Absent from older laptops: their operations' knowledge is unknown (null).
   */
  knowledge: PushKnowledgeSchema.optional(),
});
export type PushRequest = z.infer<typeof PushRequestSchema>;

/**
 * What PushRequestSchema.safeParse gives for a well-formed push, at a fraction of zod's cost per
 * operation (a fifth of the server's time on a push of new records went to it). Null for anything
 * else — the caller then asks the schema, whose messages say what is wrong — so a push it takes is
 * always one the schema takes, read the same.
 */
export function readPushRequest(body: unknown): PushRequest | null {
  if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype)
    return null;
  const { operations, knowledge } = body as Record<string, unknown>;
  if (!Array.isArray(operations)) return null;
  if (operations.length < 1 || operations.length > PUSH_MAX_OPERATIONS) return null;
  const read: Operation[] = [];
  for (const item of operations as unknown[]) {
    const operation = readOperation(item);
    if (operation === null) return null;
    read.push(operation);
  }
  if (knowledge === undefined) return { operations: read };
  const parsed = PushKnowledgeSchema.safeParse(knowledge);
  return parsed.success ? { operations: read, knowledge: parsed.data } : null;
}

/** Why an operation was not stored. */
export const PUSH_REFUSALS = [
  /** The same identity (table, row, field, clock) is stored with another value or node: kept aside. */
  'differentContent',
  /** The row belongs to another team's records. */
  'otherTeam',
  /** The table's records have no such field. */
  'unknownField',
  /** The value is not one the record's schema allows for that field. */
  'invalidValue',
  /** The clock is more than a day ahead of the server's time: flagged, not stored. */
  'clockAhead',
] as const;
export type PushRefusal = (typeof PUSH_REFUSALS)[number];

/** Each operation's fate, in the order pushed. */
export const FateSchema = z.discriminatedUnion('fate', [
  z.object({ fate: z.literal('stored'), seq: z.number().int().positive() }),
  z.object({ fate: z.literal('known') }),
  z.object({ fate: z.literal('refused'), reason: z.enum(PUSH_REFUSALS), detail: z.string().max(300) }),
]);
export type Fate = z.infer<typeof FateSchema>;

export const PushReplySchema = z.object({ fates: z.array(FateSchema), cursor: CursorSchema });
export type PushReply = z.infer<typeof PushReplySchema>;

// ── Pull ────────────────────────────────────────────────────────────────────────────────────────

export const PULL_MAX_OPERATIONS = 1000;

/** Who stored a push and what they held then: the "who, when" a conflict shows for each value. */
export const PushAuthorshipSchema = z.object({
  /** The server's time when it stored the push. */
  at: z.string(),
  deviceId: ServerIdSchema,
  /** The person signed in on the laptop that pushed (not necessarily the author of a relayed operation). */
  person: z.object({ id: ServerIdSchema, name: PersonSchema.shape.name }),
  /** The push's knowledge, or null when the laptop sent none. */
  knowledge: PushKnowledgeSchema.nullable(),
});
export type PushAuthorship = z.infer<typeof PushAuthorshipSchema>;

/** A push's id as a key of a page's `pushes` (JSON keys are strings). */
const PushKeySchema = z.string().regex(/^[1-9][0-9]{0,15}$/, 'not a push id');

export const PullReplySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('operations'),
      /** In the team's order; each with its sequence number, gap-free from the cursor on. */
      operations: z.array(
        z.object({
          seq: z.number().int().positive(),
          operation: OperationSchema,
          /** The push that stored it: a key of `pushes`. Optional for older servers; ours always sends it. */
          push: z.number().int().positive().optional(),
        }),
      ),
      /** Each push named on this page, once, by id. */
      pushes: z.record(PushKeySchema, PushAuthorshipSchema).optional(),
      cursor: CursorSchema,
      /** More operations wait after this page. */
      more: z.boolean(),
    })
    .superRefine((page, ctx) => {
      // A push named without its authorship would leave a conflict without its "who": a broken page.
      const index = page.operations.findIndex(
        (item) => item.push !== undefined && !Object.hasOwn(page.pushes ?? {}, String(item.push)),
      );
      if (index >= 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['operations', index, 'push'],
          message: 'the page names a push it does not describe',
        });
      }
    }),
  z.object({ kind: z.literal('epochChanged'), epoch: z.string() }),
]);
export type PullReply = z.infer<typeof PullReplySchema>;

/** What the server holds of a team, per node: the latest clock of each (as bundles' `knowledge`). */
export const KnowledgeReplySchema = z.object({ epoch: z.string(), knowledge: KnowledgeSchema });

/** Rows per snapshot page: a page of a large city stays a few MB (~15 fields a row, ~200 B a field). */
export const SNAPSHOT_MAX_ROWS = 2000;

/** Where a snapshot page ends: the last row it holds, in the server's (table, row id) order. */
export const SnapshotKeySchema = z.object({
  table: z.string().min(1).max(64),
  rowId: z.string().min(1).max(64),
});
export type SnapshotKey = z.infer<typeof SnapshotKeySchema>;

/**
 * A new laptop's start, in pages: the team's merged rows, as the winning operation of every field
 * (the same merge applies them). Query: `limit` rows (default and most SNAPSHOT_MAX_ROWS), and from
 * the second page on `next`: the previous page's `next`, encoded by shared/sync/snapshot-key.ts.
 * `cursor`: where the team's log stood when the page was read — a laptop keeps its first page's and
 * pulls from there once `next` is null (a later page may already hold newer values; the merge takes
 * them again as no change). An epoch that changes between pages means a restored server: the
 * snapshot starts over. Sent gzip-compressed.
 */
export const SnapshotReplySchema = z.object({
  cursor: CursorSchema,
  operations: z.array(OperationSchema),
  next: SnapshotKeySchema.nullable(),
});
export type SnapshotReply = z.infer<typeof SnapshotReplySchema>;

// ── Notice numbers ──────────────────────────────────────────────────────────────────────────────

/** The most numbers one reservation takes: enough for weeks offline, few enough that gaps stay small. */
export const NOTICE_NUMBERS_MAX_COUNT = 50;

/**
 * POST /teams/:teamId/notice-numbers: the team's next `count` 整改通知书 numbers of `year`, given to
 * this caller only. `after`: numbers up to it were given before (on paper, or before sync existed), so
 * the block starts above it.
 */
export const NoticeNumbersRequestSchema = z.object({
  year: z.number().int().min(2000).max(9999),
  count: z.number().int().min(1).max(NOTICE_NUMBERS_MAX_COUNT),
  after: z.number().int().min(0).max(999_999_999).optional(),
});
export type NoticeNumbersRequest = z.infer<typeof NoticeNumbersRequestSchema>;

export const NoticeNumbersReplySchema = z
  .object({
    year: z.number().int(),
    first: z.number().int().min(1),
    last: z.number().int().min(1),
  })
  .refine((block) => block.last >= block.first, 'last is before first');
export type NoticeNumbersReply = z.infer<typeof NoticeNumbersReplySchema>;

// ── Photos ──────────────────────────────────────────────────────────────────────────────────────

export const MISSING_MAX_HASHES = 5000;
export const MissingRequestSchema = z.object({
  hashes: z.array(Sha256Schema).min(1).max(MISSING_MAX_HASHES),
});
export const MissingReplySchema = z.object({ missing: z.array(Sha256Schema) });
/** The largest chunk one PATCH may carry. */
export const CHUNK_MAX_BYTES = 8 * 1024 * 1024;
/** A photo original is at most this large; an upload declaring more is refused. */
export const BLOB_MAX_BYTES = 200 * 1024 * 1024;

// ── The server itself ─────────────────────────────────────────────────────────────────────────

/** An app version as laptops carry it: major.minor.patch. */
export const APP_VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;

/** GET /health: the server runs, its log's epoch, and the oldest app version it syncs with. */
export const HealthReplySchema = z.object({
  ok: z.literal(true),
  epoch: z.string(),
  /** Laptops with an older app say so and keep working offline until updated; absent = any. */
  minAppVersion: z.string().regex(APP_VERSION).optional(),
});

/** -1, 0 or 1 as version a is older than, equal to or newer than b (both major.minor.patch). */
export function compareAppVersions(a: string, b: string): number {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < 3; i += 1) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

// ── Errors ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Every refusal: a stable code the laptop maps to words in the person's language, and an English
 * message for logs and for people calling the API by hand.
 */
export const ErrorReplySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The fields of a malformed request, each with what is wrong. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorReply = z.infer<typeof ErrorReplySchema>;

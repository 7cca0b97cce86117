// The routes of the sync server a laptop may call through its host's relay, and nothing else: the page
// names a server and a path, and the host sends only what matches one of these lines. The admin's
// routes (/setup, /people, /devices, /enrollment-codes, creating teams) are not here, so a page,
// whatever it is made to do, cannot reach them through the host. The names and URLs are those of
// server/src/auth/policy.ts (test/unit/laptop-routes-policy.test.ts holds them equal).

export type LaptopMethod = 'GET' | 'POST' | 'HEAD' | 'PATCH';

export interface LaptopRoute {
  readonly method: LaptopMethod;
  /** Literal segments and `:teamId` / `:sha` parameters, as the server registers them. */
  readonly url: string;
  /** The query keys the route takes; any other key, or a query on a route without keys, is refused. */
  readonly query?: readonly QueryKey[];
}

export const LAPTOP_ROUTES = {
  health: { method: 'GET', url: '/health' },
  enroll: { method: 'POST', url: '/devices/enroll' },
  challenge: { method: 'POST', url: '/auth/challenge' },
  signIn: { method: 'POST', url: '/auth/sign-in' },
  session: { method: 'POST', url: '/auth/session' },
  signOut: { method: 'POST', url: '/auth/sign-out' },
  listTeams: { method: 'GET', url: '/teams' },
  push: { method: 'POST', url: '/teams/:teamId/push' },
  pull: { method: 'GET', url: '/teams/:teamId/pull', query: ['epoch', 'after', 'limit', 'wait'] },
  knowledge: { method: 'GET', url: '/teams/:teamId/knowledge' },
  snapshot: { method: 'GET', url: '/teams/:teamId/snapshot', query: ['limit', 'next'] },
  noticeNumbers: { method: 'POST', url: '/teams/:teamId/notice-numbers' },
  blobsMissing: { method: 'POST', url: '/teams/:teamId/blobs/missing' },
  blobOffset: { method: 'HEAD', url: '/blobs/:sha' },
  blobUpload: { method: 'PATCH', url: '/blobs/:sha' },
  blobDownload: { method: 'GET', url: '/teams/:teamId/blobs/:sha' },
} as const satisfies Record<string, LaptopRoute>;

export type LaptopRouteName = keyof typeof LAPTOP_ROUTES;

/**
 * A team's or device's id in a path: the server makes uuidv7s and the app makes its records' ids the
 * same way; the test city's "team-north" fits too. Dots are allowed, but a segment of dots is not a name.
 */
export const PATH_ID = /^(?!\.+$)[A-Za-z0-9._-]{1,64}$/;
export const PATH_SHA256 = /^[0-9a-f]{64}$/;

/**
 * What each query key's value may be: the pull's epoch (a UUID, empty on a first pull), numbers, and
 * a snapshot page's start (`next`, base64url: shared/sync/snapshot-key.ts).
 */
const QUERY_VALUES = {
  epoch: /^[A-Za-z0-9._-]{0,64}$/,
  after: /^\d{1,15}$/,
  next: /^[A-Za-z0-9_-]{1,360}$/,
  limit: /^\d{1,5}$/,
  wait: /^\d{1,3}(\.\d{1,3})?$/,
} as const;
type QueryKey = keyof typeof QUERY_VALUES;

/** Longer than any path above with its longest query; anything longer is not one of ours. */
export const MAX_LAPTOP_PATH_LENGTH = 500;

/**
 * Only unreserved characters and the separators our paths use: no `%` (so no encoded slash or dot),
 * no `\`, `@`, `:`, `#`, spaces or anything a URL parser might read as another host or another path.
 */
const PATH_CHARACTERS = /^[A-Za-z0-9._\-/]+$/;
const QUERY_CHARACTERS = /^[A-Za-z0-9._\-=&]*$/;

const COMPILED = (Object.entries(LAPTOP_ROUTES) as [LaptopRouteName, LaptopRoute][]).map(([name, route]) => ({
  name,
  route,
  segments: route.url.split('/').slice(1),
}));

/** The route a method and path (with its query, if any) are, or null when the relay must refuse them. */
export function matchLaptopRoute(method: string, pathWithQuery: string): LaptopRouteName | null {
  if (pathWithQuery.length > MAX_LAPTOP_PATH_LENGTH) return null;
  const [path = '', query, ...extra] = pathWithQuery.split('?');
  if (extra.length > 0 || !path.startsWith('/') || !PATH_CHARACTERS.test(path)) return null;
  const segments = path.split('/').slice(1);
  // Every segment named: no `//`, no trailing `/`, no `.` or `..` (a dot-only segment is no id).
  if (segments.some((segment) => segment === '' || /^\.+$/.test(segment))) return null;
  for (const candidate of COMPILED) {
    if (candidate.route.method !== method) continue;
    if (!segmentsMatch(candidate.segments, segments)) continue;
    return queryFits(candidate.route.query ?? [], query) ? candidate.name : null;
  }
  return null;
}

function segmentsMatch(pattern: readonly string[], segments: readonly string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((part, index) => {
    const segment = segments[index] ?? '';
    if (part === ':teamId') return PATH_ID.test(segment);
    if (part === ':sha') return PATH_SHA256.test(segment);
    return part === segment;
  });
}

/** Each pair `key=value` once, with a key the route takes and a value of that key's shape. */
function queryFits(keys: readonly QueryKey[], query: string | undefined): boolean {
  if (query === undefined || query === '') return true;
  if (keys.length === 0 || !QUERY_CHARACTERS.test(query)) return false;
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    const [key = '', value, ...more] = pair.split('=');
    if (value === undefined || more.length > 0 || seen.has(key)) return false;
    if (!(keys as readonly string[]).includes(key)) return false;
    if (!QUERY_VALUES[key as QueryKey].test(value)) return false;
    seen.add(key);
  }
  return true;
}

// ── The server's address ─────────────────────────────────────────────────────────────────────────

export const MAX_SERVER_ADDRESS_LENGTH = 300;

/**
 * Why an address is not one a laptop may name as its sync server, or null when it is: http or https,
 * absolute, no user or password, no query or fragment; a path is allowed (a server behind a reverse
 * proxy at https://city.example/ducha) as long as it is plain segments.
 */
export function serverAddressProblem(address: string): string | null {
  if (address.length > MAX_SERVER_ADDRESS_LENGTH)
    return `longer than ${String(MAX_SERVER_ADDRESS_LENGTH)} characters`;
  if (/[\s\\?#@]/.test(address)) return 'spaces, "\\", "?", "#" and "@" have no place in a server address';
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return 'not an absolute address such as https://sync.example.gov.cn';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return 'the address must start with http:// or https://';
  if (url.username !== '' || url.password !== '')
    return 'a user name or password has no place in the address';
  if (url.hostname === '') return 'the address names no server';
  const prefix = url.pathname.replace(/\/$/, '');
  if (
    prefix !== '' &&
    (!PATH_CHARACTERS.test(prefix) ||
      prefix
        .split('/')
        .slice(1)
        .some((s) => /^\.*$/.test(s)))
  )
    return 'the path after the server name may hold letters, digits, ".", "_", "-" and single "/" only';
  return null;
}

/**
 * The full URL of a route on a server: the server's path prefix, then the route's path. Null when the
 * address or the path is not one the relay sends to.
 */
export function laptopUrl(server: string, pathWithQuery: string): URL | null {
  if (serverAddressProblem(server) !== null) return null;
  const base = new URL(server);
  const url = new URL(`${base.origin}${base.pathname.replace(/\/$/, '')}${pathWithQuery}`);
  // Belt and braces: what was built still goes to the same server, under its prefix.
  return url.origin === base.origin && url.pathname.startsWith(base.pathname.replace(/\/$/, '')) ? url : null;
}

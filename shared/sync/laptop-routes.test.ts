// The relay's list of routes: every route a laptop needs is matched with the ids the server and the app
// make, and nothing else is: the admin's routes, traversal, encoded separators, other hosts smuggled
// into the path, unknown query keys, overlong paths.
import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids/uuidv7';
import { laptopUrl, matchLaptopRoute, serverAddressProblem } from './laptop-routes';

const team = uuidv7();
const sha = 'ab'.repeat(32);

describe('matchLaptopRoute', () => {
  it.each([
    ['GET', '/health', 'health'],
    ['POST', '/devices/enroll', 'enroll'],
    ['POST', '/auth/challenge', 'challenge'],
    ['POST', '/auth/sign-in', 'signIn'],
    ['POST', '/auth/session', 'session'],
    ['POST', '/auth/sign-out', 'signOut'],
    ['GET', '/teams', 'listTeams'],
    ['POST', `/teams/${team}/push`, 'push'],
    ['GET', `/teams/${team}/pull`, 'pull'],
    ['GET', `/teams/${team}/pull?epoch=${uuidv7()}&after=1200&limit=1000&wait=30`, 'pull'],
    ['GET', `/teams/${team}/pull?epoch=&after=0`, 'pull'],
    ['GET', `/teams/${team}/pull?wait=2.5`, 'pull'],
    ['GET', '/teams/team-north/knowledge', 'knowledge'],
    ['GET', `/teams/${team}/snapshot`, 'snapshot'],
    ['POST', `/teams/${team}/notice-numbers`, 'noticeNumbers'],
    ['POST', `/teams/${team}/blobs/missing`, 'blobsMissing'],
    ['HEAD', `/blobs/${sha}`, 'blobOffset'],
    ['PATCH', `/blobs/${sha}`, 'blobUpload'],
    ['GET', `/teams/${team}/blobs/${sha}`, 'blobDownload'],
  ])('%s %s is %s', (method, path, name) => {
    expect(matchLaptopRoute(method, path)).toBe(name);
  });

  it.each([
    // The admin's routes and the first-start setup.
    ['POST', '/setup'],
    ['GET', '/people'],
    ['POST', '/people'],
    ['POST', `/people/${team}/disable`],
    ['GET', '/devices'],
    ['POST', `/devices/${team}/revoke`],
    ['POST', '/enrollment-codes'],
    ['POST', '/teams'],
    // A known path with another method.
    ['POST', '/health'],
    ['DELETE', `/blobs/${sha}`],
    ['GET', `/teams/${team}/push`],
    ['PUT', `/blobs/${sha}`],
    ['get', '/health'],
  ])('refuses %s %s', (method, path) => {
    expect(matchLaptopRoute(method, path)).toBeNull();
  });

  it.each([
    ['traversal to an admin route', `/teams/../people`],
    ['traversal inside a team', `/teams/${team}/../../setup/push`],
    ['a dot segment as the team', '/teams/./push'],
    ['a dots-only team id', '/teams/.../push'],
    ['a double slash', `/teams//${team}/push`],
    ['a leading double slash (another host)', '//evil.example/health'],
    ['a trailing slash', '/health/'],
    ['an encoded slash', `/teams/a%2Fb/push`],
    ['an encoded dot-dot', `/teams/%2e%2e/push`],
    ['a backslash', `/teams/a\\..\\people/push`],
    ['an @ (credentials, another host)', '/teams/x@evil.example/push'],
    ['a scheme in the path', '/http://evil.example/health'],
    ['a colon', `/teams/a:b/push`],
    ['a space', `/teams/a b/push`],
    ['a fragment', '/health#x'],
    ['a relative path', 'health'],
    ['an absolute URL', 'https://evil.example/health'],
    ['a non-ASCII id', '/teams/第一组/push'],
    ['a 65-character id', `/teams/${'a'.repeat(65)}/push`],
    ['a short sha', `/blobs/${sha.slice(2)}`],
    ['an uppercase sha', `/blobs/${sha.toUpperCase()}`],
    ['a newline', '/health\n'],
  ])('refuses %s', (_label, path) => {
    for (const method of ['GET', 'POST', 'HEAD', 'PATCH']) expect(matchLaptopRoute(method, path)).toBeNull();
  });

  it('takes only the query keys the route has, each once, with values of their shape', () => {
    const pull = `/teams/${team}/pull`;
    expect(matchLaptopRoute('GET', `${pull}?after=3&after=4`)).toBeNull();
    expect(matchLaptopRoute('GET', `${pull}?after=3&admin=1`)).toBeNull();
    expect(matchLaptopRoute('GET', `${pull}?after=-1`)).toBeNull();
    expect(matchLaptopRoute('GET', `${pull}?after`)).toBeNull();
    expect(matchLaptopRoute('GET', `${pull}?after=1=2`)).toBeNull();
    expect(matchLaptopRoute('GET', `${pull}?epoch=a%2Fb`)).toBeNull();
    expect(matchLaptopRoute('GET', `${pull}?wait=1e3`)).toBeNull();
    expect(matchLaptopRoute('GET', `${pull}?after=1?x=2`)).toBeNull();
    expect(matchLaptopRoute('GET', '/health?x=1')).toBeNull();
    expect(matchLaptopRoute('GET', `/teams/${team}/snapshot?epoch=x`)).toBeNull();
    expect(matchLaptopRoute('POST', `/teams/${team}/notice-numbers?after=3`)).toBeNull();
    expect(matchLaptopRoute('GET', `/teams/${team}/notice-numbers`)).toBeNull();
  });

  it('refuses an overlong path, even one made of valid parts', () => {
    const long = `/teams/${team}/pull?epoch=${'e'.repeat(64)}&after=1&limit=1&wait=${'1'.repeat(400)}`;
    expect(matchLaptopRoute('GET', long)).toBeNull();
    expect(matchLaptopRoute('GET', `/health${'/'.repeat(10_000)}`)).toBeNull();
  });
});

describe('the server address', () => {
  it.each([
    'https://sync.example.gov.cn',
    'https://sync.example.gov.cn/',
    'http://127.0.0.1:8080',
    'https://city.example/ducha',
    'https://city.example/ducha/',
    'http://[::1]:3000',
  ])('takes %s', (address) => {
    expect(serverAddressProblem(address)).toBeNull();
  });

  it.each([
    ['no scheme', 'sync.example.gov.cn'],
    ['another scheme', 'ftp://sync.example.gov.cn'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['credentials', 'https://user:pass@sync.example.gov.cn'],
    ['a query', 'https://sync.example.gov.cn/?x=1'],
    ['a fragment', 'https://sync.example.gov.cn/#x'],
    ['a backslash', 'https://sync.example.gov.cn\\@evil.example'],
    ['a space', 'https://sync.example .gov.cn'],
    ['an encoded prefix', 'https://city.example/du%2Fcha'],
    ['an empty segment in the prefix', 'https://city.example/a//b'],
    ['too long', `https://${'a'.repeat(300)}.example`],
  ])('refuses %s', (_label, address) => {
    expect(serverAddressProblem(address)).not.toBeNull();
  });

  it('puts the path under the prefix of the address, on the same server', () => {
    expect(laptopUrl('https://city.example/ducha/', '/health')?.href).toBe(
      'https://city.example/ducha/health',
    );
    expect(laptopUrl('https://city.example', `/teams/${team}/pull?after=2`)?.href).toBe(
      `https://city.example/teams/${team}/pull?after=2`,
    );
    expect(laptopUrl('https://city.example/ducha', '/health')?.href).toBe(
      'https://city.example/ducha/health',
    );
    expect(laptopUrl('https://user@city.example', '/health')).toBeNull();
  });
});

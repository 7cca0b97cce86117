// POST /teams/:teamId/notice-numbers over HTTP: blocks of a team's notice numbers, each given once,
// what the request may ask (1–50 numbers, a year, `after`), and a team that does not exist.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ErrorReplySchema, NoticeNumbersReplySchema } from '../../shared/sync/protocol';
import { describeEachBackend } from './support/backends';
import { NORTH, SOUTH, startCity, type City, type SignedIn } from './support/http-city';

describeEachBackend('notice numbers over HTTP', (backend) => {
  let city: City;
  let north: SignedIn;
  let office: SignedIn;

  const reserve = (who: SignedIn, teamId: string, body: unknown) =>
    city.inject('POST', `/teams/${teamId}/notice-numbers`, { session: who.session, body });

  beforeAll(async () => {
    city = await startCity((await backend.fresh()).store);
    north = await city.as('inspector', NORTH);
    office = await city.as('office', null);
  });
  afterAll(() => city.close());

  it("gives the team's next numbers of the year to each caller in turn, above `after`", async () => {
    const first = await reserve(north, NORTH, { year: 2026, count: 10 });
    expect(first.statusCode, first.body).toBe(200);
    expect(NoticeNumbersReplySchema.parse(first.json())).toEqual({ year: 2026, first: 1, last: 10 });
    // The office reserving for the same team goes on from there; `after` lifts it past paper numbers.
    expect((await reserve(office, NORTH, { year: 2026, count: 5 })).json()).toEqual({
      year: 2026,
      first: 11,
      last: 15,
    });
    expect((await reserve(north, NORTH, { year: 2026, count: 2, after: 30 })).json()).toEqual({
      year: 2026,
      first: 31,
      last: 32,
    });
    // The other team counts on its own.
    expect((await reserve(office, SOUTH, { year: 2026, count: 1 })).json()).toEqual({
      year: 2026,
      first: 1,
      last: 1,
    });
  });

  it('refuses a request out of bounds, saying which field, and a team that does not exist', async () => {
    for (const body of [
      { year: 2026, count: 0 },
      { year: 2026, count: 51 },
      { year: 26, count: 1 },
      { year: 2026, count: 1, after: -1 },
      { count: 1 },
    ]) {
      const response = await reserve(north, NORTH, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(ErrorReplySchema.parse(response.json()).error.code).toBe('malformed');
    }
    const unknown = await reserve(office, 'team-nowhere', { year: 2026, count: 1 });
    expect(unknown.statusCode).toBe(404);
    // Nothing refused used a number.
    expect((await reserve(north, NORTH, { year: 2026, count: 1 })).json()).toMatchObject({ first: 33 });
  });
});

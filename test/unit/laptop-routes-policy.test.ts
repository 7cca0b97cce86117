// The relay's routes (shared/sync/laptop-routes.ts) are the server's own (server/src/auth/policy.ts):
// same names, methods and URLs. The server's routes a laptop may not call through its host are exactly
// the admin's and the first-start setup, so a route added to the server is a decision, not a slip.
import { describe, expect, it } from 'vitest';
import { LAPTOP_ROUTES, type LaptopRouteName } from '../../shared/sync/laptop-routes';
import { POLICY, type EndpointId } from '../../server/src/auth/policy';

describe('the laptop routes and the server policy', () => {
  it('name every laptop route as the server does, with its method and URL', () => {
    for (const [name, route] of Object.entries(LAPTOP_ROUTES) as [
      LaptopRouteName,
      { method: string; url: string },
    ][]) {
      const policy = POLICY[name as EndpointId] as { method: string; url: string } | undefined;
      expect(policy, name).toBeDefined();
      expect({ method: route.method, url: route.url }, name).toEqual({
        method: policy?.method,
        url: policy?.url,
      });
    }
  });

  it('leave out only the setup and what the admin (or the office, issuing codes) does', () => {
    const left = (Object.keys(POLICY) as EndpointId[]).filter((id) => !Object.hasOwn(LAPTOP_ROUTES, id));
    expect(left.sort()).toEqual(
      [
        'setup',
        'createTeam',
        'listPeople',
        'createPerson',
        'disablePerson',
        'createEnrollmentCode',
        'listDevices',
        'revokeDevice',
      ].sort(),
    );
    for (const id of left) {
      const roles = POLICY[id].roles;
      if (roles !== 'public') expect(roles, id).toContain('admin');
    }
  });
});

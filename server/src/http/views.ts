// What the API shows of stored things: never a password hash.
import type { Person } from '../../../shared/sync/protocol';
import type { StoredPerson } from '../store/store';

export function publicPerson(person: StoredPerson | (Person & { passwordHash?: unknown })): Person {
  return {
    id: person.id,
    login: person.login,
    name: person.name,
    role: person.role,
    teamId: person.teamId,
    disabled: person.disabled,
  };
}

// The city (督查办) a server serves: made at first start, with a one-time setup code that makes its
// admin (POST /setup). The code is printed, never stored (only its hash); until an admin exists each
// start prints a fresh one, so a lost terminal does not lock the city out.
import { newCode, secretHash } from './auth/secrets';
import type { Store } from './store/store';

export const SETTINGS = {
  cityCreatedAt: 'cityCreatedAt',
  /** SHA-256 of the setup code; null once the city has an admin. */
  setupCodeHash: 'setupCodeHash',
} as const;

/** Creates the city if new; returns a setup code to print while no admin exists, else null. */
export async function prepareCity(store: Store, now: number): Promise<string | null> {
  if ((await store.getSetting(SETTINGS.cityCreatedAt)) === null) {
    await store.setSetting(SETTINGS.cityCreatedAt, new Date(now).toISOString());
  }
  if (await hasAdmin(store)) {
    await store.setSetting(SETTINGS.setupCodeHash, null);
    return null;
  }
  const code = newCode();
  await store.setSetting(SETTINGS.setupCodeHash, secretHash(code));
  return code;
}

export async function hasAdmin(store: Store): Promise<boolean> {
  return (await store.people()).some((person) => person.role === 'admin' && !person.disabled);
}

// Reading what the app stored straight from IndexedDB, not through the app: the expected figures of a
// spec are worked out from these rows by plain passes.
import type { Page } from '@playwright/test';

/** Every row of a store (tombstones included: rows with `_deleted`). */
export function storedRows<T>(page: Page, store: string): Promise<(T & { _deleted?: boolean })[]> {
  return page.evaluate(
    (storeName) =>
      new Promise<(T & { _deleted?: boolean })[]>((resolve, reject) => {
        const open = indexedDB.open('ducha');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as (T & { _deleted?: boolean })[]);
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
    store,
  );
}

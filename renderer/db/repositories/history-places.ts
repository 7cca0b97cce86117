// Where each history entry was written: the laptop whose clock made the entry's row, by the name
// people know it by (this laptop's own name, or the name another laptop gave in its bundles).
import type { SyncedRow } from '../../../shared/sync/merge';
import type { DuchaDatabase } from '../database';
import { devicePublicFace } from './exchange/device-identity';

/** Entry id → laptop name, for the rows of one history (issue events or visit amendments). */
export async function historyPlaces(
  db: DuchaDatabase,
  rows: readonly Pick<SyncedRow, 'id' | '_clocks'>[],
): Promise<Map<string, string>> {
  const [self, devices] = await Promise.all([devicePublicFace(db), db.devices.toArray()]);
  const names = new Map(devices.map((device) => [device.node, device.name]));
  if (self) names.set(self.node, self.name);
  const places = new Map<string, string>();
  for (const row of rows) {
    // An entry is written once, whole: the clock of its hash is the clock of its creation.
    const node = row._clocks.hash?.slice(-16);
    const name = node ? names.get(node) : undefined;
    if (name) places.set(String(row.id), name);
  }
  return places;
}

// The hand-over by USB, live: this laptop's public face, the laptops it has exchanged with, the receipts.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../provider';
import { devicePublicFace } from '../../repositories/exchange/device-identity';
import { knownDevices } from '../../repositories/exchange/devices';
import { importReceipts } from '../../repositories/exchange/import-apply';

export function useDevicePublicFace() {
  const db = useDatabase();
  return useLiveQuery(() => devicePublicFace(db), [db]);
}

export function useKnownDevices() {
  const db = useDatabase();
  return useLiveQuery(() => knownDevices(db), [db]);
}

export function useImportReceipts() {
  const db = useDatabase();
  return useLiveQuery(() => importReceipts(db), [db]);
}

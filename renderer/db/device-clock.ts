// This device's node id and hybrid logical clock, kept in the meta table so that every window and
// every restart continues from the last clock this device used.
import {
  type Hlc,
  decodeHlc,
  encodeHlc,
  newNodeId,
  receiveHlc,
  tickHlc,
  zeroHlc,
} from '../../shared/sync/hlc';
import type { DuchaDatabase } from './database';

const DEVICE_KEY = 'device';

interface DeviceState {
  nodeId: string;
  lastHlc: string;
}

/** Reads the device state; must run inside a transaction that includes `meta`. */
async function readDevice(db: DuchaDatabase): Promise<DeviceState> {
  const row = await db.meta.get(DEVICE_KEY);
  if (row) return row.value as DeviceState;
  const nodeId = newNodeId();
  const state = { nodeId, lastHlc: encodeHlc(zeroHlc(nodeId)) };
  await db.meta.put({ key: DEVICE_KEY, value: state });
  return state;
}

/** Creates the device identity if this is the first start; called once when the app opens. */
export async function ensureDevice(db: DuchaDatabase): Promise<string> {
  return db.transaction('rw', db.meta, async () => (await readDevice(db)).nodeId);
}

/** Read-only, so live queries may use it; null before ensureDevice ran. */
export async function deviceNodeId(db: DuchaDatabase): Promise<string | null> {
  const row = await db.meta.get(DEVICE_KEY);
  return row ? (row.value as DeviceState).nodeId : null;
}

/** The last clock this device used or saw, as its own node's clock; null before ensureDevice ran. */
export async function deviceClock(db: DuchaDatabase): Promise<string | null> {
  const row = await db.meta.get(DEVICE_KEY);
  return row ? (row.value as DeviceState).lastHlc : null;
}

/**
 * Clocks for the operations of one local write, one tick each, so that of two patches to the same
 * field in one write the later one wins. The device state is read once and written once at the end;
 * call both inside the write's transaction.
 */
export async function localClockSequence(
  db: DuchaDatabase,
  now: number,
): Promise<{ tick: () => Hlc; save: () => Promise<void> }> {
  const state = await readDevice(db);
  let last = decodeHlc(state.lastHlc);
  const start = last;
  return {
    tick: () => (last = tickHlc(last, now)),
    save: async () => {
      if (last === start) return;
      await db.meta.put({ key: DEVICE_KEY, value: { nodeId: state.nodeId, lastHlc: encodeHlc(last) } });
    },
  };
}

/** Moves the clock past a clock seen from another device; call inside the merge's transaction. */
export async function observeRemoteClock(db: DuchaDatabase, remote: string, now: number): Promise<void> {
  const state = await readDevice(db);
  const next = receiveHlc(decodeHlc(state.lastHlc), decodeHlc(remote), now);
  await db.meta.put({ key: DEVICE_KEY, value: { nodeId: state.nodeId, lastHlc: encodeHlc(next) } });
}

// Hybrid logical clock (Kulkarni et al.): wall time in ms, a counter for events in the same ms, and the
// node id as the final tie-break. Encoded so that comparing the strings compares the clocks.
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

export const NODE_ID = /^[0-9a-f]{16}$/;
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
/** A remote clock further ahead than this is refused: it would drag every later write into the future. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

export class ClockError extends Error {
  override name = 'ClockError';
}

export function encodeHlc(h: Hlc): string {
  return `${h.wall.toString().padStart(WALL_DIGITS, '0')}-${h.counter
    .toString()
    .padStart(COUNTER_DIGITS, '0')}-${h.node}`;
}

const ENCODED = /^(\d{15})-(\d{6})-([0-9a-f]{16})$/;

export function decodeHlc(text: string): Hlc {
  const m = ENCODED.exec(text);
  if (!m) throw new ClockError(`malformed clock: ${text.slice(0, 60)}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

export const isEncodedHlc = (text: string): boolean => ENCODED.test(text);

/**
 * The wall time of a clock already checked with isEncodedHlc (its first 15 digits), without matching
 * it again: the server reads this of every pushed operation.
 */
export const wallOfEncodedHlc = (text: string): number => Number(text.slice(0, 15));

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function zeroHlc(node: string): Hlc {
  return { wall: 0, counter: 0, node };
}

/** The clock for a new local event. */
export function tickHlc(last: Hlc, now: number): Hlc {
  const wall = Math.max(last.wall, now);
  const counter = wall === last.wall ? last.counter + 1 : 0;
  if (counter > MAX_COUNTER) throw new ClockError('clock counter overflow');
  return { wall, counter, node: last.node };
}

/** The local clock after seeing a remote one, so that later local events sort after it. */
export function receiveHlc(last: Hlc, remote: Hlc, now: number): Hlc {
  if (remote.wall - now > MAX_DRIFT_MS) {
    throw new ClockError(`a clock from device ${remote.node} is more than a day ahead of this laptop`);
  }
  const wall = Math.max(last.wall, remote.wall, now);
  let counter: number;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) throw new ClockError('clock counter overflow');
  return { wall, counter, node: last.node };
}

export function newNodeId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

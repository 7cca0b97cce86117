// One stable address for the browser host. IndexedDB belongs to the exact origin, so the page at
// localhost instead of 127.0.0.1, or at another port, opens an empty app: the data seems gone (issue
// 19). The host therefore answers at one origin, http://127.0.0.1:<port>, remembers the port in its
// data folder on the first start, starts there every time after, and when that port is taken says so
// rather than moving the user to an address where their data is not.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_PORT } from './config';

const FILE = 'browser-host.json';

export const canonicalOrigin = (port: number): string => `http://127.0.0.1:${String(port)}`;

/** The port remembered in the data folder, or null before the first start (or if unreadable). */
export async function rememberedPort(dataDir: string): Promise<number | null> {
  try {
    const { port } = JSON.parse(await readFile(path.join(dataDir, FILE), 'utf8')) as { port?: unknown };
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port <= 65535 ? port : null;
  } catch {
    return null;
  }
}

export async function rememberPort(dataDir: string, port: number): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(path.join(dataDir, FILE), `${JSON.stringify({ port, origin: canonicalOrigin(port) })}\n`);
}

export interface PortChoice {
  readonly port: number;
  /** Remember it once listening: a fixed port chosen with nothing remembered yet. */
  readonly remember: boolean;
  /** A line for the person when the port asked for is not the one their data is kept for. */
  readonly warning: string | null;
}

/**
 * The port to listen on: DUCHA_PORT when given (0: a free one, for tests, never remembered), else the
 * remembered one, else the default.
 */
export function choosePort(asked: number | null, remembered: number | null): PortChoice {
  if (asked === null)
    return { port: remembered ?? DEFAULT_PORT, remember: remembered === null, warning: null };
  const warning =
    remembered !== null && asked !== remembered
      ? `your data is kept for ${canonicalOrigin(remembered)}; at port ${String(asked)} Ducha opens empty. Start it without DUCHA_PORT to go back.`
      : null;
  return { port: asked, remember: asked !== 0 && remembered === null, warning };
}

/** What to say when the port is taken: never "try another port", where the data would look gone. */
export function portTakenLine(port: number): string {
  return (
    `port ${String(port)} is already in use. If Ducha is already running, open ${canonicalOrigin(port)}/ ` +
    `(the address it printed when it started); otherwise close the program using the port and start ` +
    `Ducha again. Ducha does not move to another port: your data is kept for this address, and at ` +
    `another one the app would open empty.`
  );
}

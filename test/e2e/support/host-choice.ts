// Which host the end-to-end specs drive: the real Electron app where its binary exists, otherwise the
// browser host in Debian's Chromium. DUCHA_E2E_HOST=electron|browser forces one.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type E2eHost = 'electron' | 'browser';

export interface HostChoice {
  kind: E2eHost;
  reason: string;
  electronBinary: string | null;
}

export const REPO = join(import.meta.dirname, '..', '..', '..');
export const CHROMIUM = process.env.DUCHA_CHROMIUM ?? '/usr/bin/chromium';

function electronBinary(): string | null {
  const dir = join(REPO, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'),
    readFileSync(pathFile, 'utf8'),
  );
  return existsSync(binary) ? binary : null;
}

export function chooseHost(): HostChoice {
  const forced = process.env.DUCHA_E2E_HOST;
  const binary = electronBinary();
  if (forced === 'browser')
    return { kind: 'browser', reason: 'DUCHA_E2E_HOST=browser', electronBinary: binary };
  if (forced === 'electron') {
    if (!binary)
      throw new Error(
        'DUCHA_E2E_HOST=electron but the Electron binary is not installed (node_modules/electron/dist)',
      );
    return { kind: 'electron', reason: 'DUCHA_E2E_HOST=electron', electronBinary: binary };
  }
  if (binary)
    return { kind: 'electron', reason: `Electron binary found at ${binary}`, electronBinary: binary };
  return {
    kind: 'browser',
    reason: `no Electron binary in node_modules/electron/dist (it cannot be downloaded on this machine); browser host in ${CHROMIUM}`,
    electronBinary: null,
  };
}

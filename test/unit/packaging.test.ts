// The packaging configuration (build/electron-builder.yml) holds what issue 19 asks of the installed
// app: the fuses flipped at packaging, the app in an asar archive. `npm run dist` cannot run here (no
// Electron binary can be downloaded), so the configuration is what is tested; electron-builder reads
// it as JSON-compatible YAML, as js-yaml does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const REPO = join(import.meta.dirname, '..', '..');
const config = load(readFileSync(join(REPO, 'build', 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;

describe('packaging (electron-builder)', () => {
  it('flips the fuses: no RunAsNode, NODE_OPTIONS or --inspect; cookie encryption, asar integrity, only the asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar archive, with its integrity kept, and nothing unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config).not.toHaveProperty('asarUnpack');
    expect(JSON.stringify(config)).not.toMatch(/disableIntegrity/);
  });
});

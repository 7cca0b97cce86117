// The packaging configuration (build/electron-builder.yml) holds what issue 19 asks of the installed
// app: the fuses flipped at packaging, the app in an asar archive, the installers for Windows, macOS,
// Linux and the 信创 systems. `npm run dist` cannot run here (no Electron binary can be downloaded),
// so the configuration is what is tested — against electron-builder's own schema too — and the
// script's one line where the binary is missing; electron-builder reads YAML as js-yaml does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { signingPlan } from '../../scripts/dist.mjs';

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

  it('is a configuration electron-builder itself accepts (its schema, as npm run dist checks it first)', async () => {
    await expect(validateConfiguration(config as never, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds NSIS for Windows x64, dmg for macOS arm64 and x64, AppImage and deb for Linux x64 and arm64', () => {
    const targets = (platform: string) =>
      ((config[platform] as { target: { target: string; arch: string[] }[] }).target ?? []).map(
        (t) => `${t.target}:${t.arch.join('+')}`,
      );
    expect(targets('win')).toEqual(['nsis:x64']);
    expect(targets('mac')).toEqual(['dmg:arm64+x64']);
    expect(targets('linux')).toEqual(['AppImage:x64+arm64', 'deb:x64+arm64']);
  });

  it('installs on UOS and Kylin as on Debian: a deb with a desktop entry named 督查, its icon, no file associations', () => {
    const linux = config.linux as { desktop: { entry: Record<string, string> }; executableName: string };
    expect(linux.desktop.entry).toMatchObject({
      Name: 'Ducha',
      'Name[zh_CN]': '督查',
      Categories: 'Office;',
    });
    expect(linux.executableName).toBe('ducha');
    expect(JSON.stringify(config)).not.toMatch(/fileAssociations/);
    const icon = readFileSync(join(REPO, String(config.icon)));
    // A PNG of 1024 × 1024 (its IHDR): electron-builder makes every size and format from it.
    expect(icon.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([1024, 1024]);
  });
});

describe('npm run dist', () => {
  it('says in one line, before building anything, that it needs the Electron binary', () => {
    const result = spawnSync(process.execPath, [join(REPO, 'scripts', 'dist.mjs')], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(REPO, 'no-electron-here') },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('npm run dist needs the Electron binary');
    expect(result.stdout).toBe('');
  });

  it('says what will be signed and notarized, from the environment alone', () => {
    expect(signingPlan({})).toEqual([
      expect.stringContaining('macOS: UNSIGNED') as unknown,
      expect.stringContaining('Windows: UNSIGNED') as unknown,
      expect.stringContaining('Linux: AppImage and deb for x64 and arm64') as unknown,
    ]);
    const signed = signingPlan({
      CSC_LINK: 'cert.p12',
      APPLE_API_KEY: 'k.p8',
      APPLE_API_KEY_ID: 'id',
      APPLE_API_ISSUER: 'issuer',
    });
    expect(signed[0]).toBe('macOS: signed (CSC_LINK), notarized (APPLE_* credentials)');
    expect(signed[1]).toContain('Windows: signed');
  });
});

describe('the hosted workflow (.github/workflows/desktop.yml: it cannot run here)', () => {
  const workflow = load(readFileSync(join(REPO, '.github', 'workflows', 'desktop.yml'), 'utf8')) as {
    jobs: Record<string, { steps: { run?: string; env?: Record<string, string> }[]; strategy?: unknown }>;
  };

  it('runs the end-to-end suite on the Electron host, under a virtual display', () => {
    const steps = workflow.jobs['e2e-electron']?.steps ?? [];
    const e2e = steps.find((step) => step.run?.includes('npm run test:e2e'));
    expect(e2e?.run).toMatch(/^xvfb-run /);
    expect(e2e?.env).toEqual({ DUCHA_E2E_HOST: 'electron' });
    expect(steps.some((step) => step.run === 'node node_modules/electron/install.js')).toBe(true);
  });

  it('builds the installers on Windows, macOS and Linux with npm run dist', () => {
    const job = workflow.jobs.installers;
    const matrix = (job?.strategy as { matrix: { include: { os: string; args: string }[] } }).matrix.include;
    expect(matrix.map((m) => m.os)).toEqual(['windows-latest', 'macos-latest', 'ubuntu-24.04']);
    expect(matrix.map((m) => m.args)).toEqual([
      '--win nsis --x64',
      '--mac dmg --arm64 --x64',
      '--linux AppImage deb --x64 --arm64',
    ]);
    expect(job?.steps.some((step) => step.run?.startsWith('npm run dist -- '))).toBe(true);
  });
});

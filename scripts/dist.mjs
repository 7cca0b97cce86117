// `npm run dist`: the installers (build/electron-builder.yml). electron-builder needs the Electron
// binary, which comes from GitHub releases: where it is not installed, this says so in one line and
// stops before building anything. Otherwise it says what will be signed and notarized — from the
// environment, nothing else — builds the app and runs electron-builder with any arguments given
// (e.g. `npm run dist -- --linux deb --arm64`).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const electronDir = path.join(appDir, 'node_modules', 'electron');

/** What signing and notarization the environment allows, in one line per platform. */
export function signingPlan(env) {
  const certificate = Boolean(env.CSC_LINK) || Boolean(env.CSC_NAME);
  const apple =
    Boolean(env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) ||
    Boolean(env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID);
  const windows = Boolean(env.WIN_CSC_LINK) || certificate;
  return [
    `macOS: ${certificate ? 'signed (CSC_LINK)' : 'UNSIGNED (set CSC_LINK and CSC_KEY_PASSWORD to sign)'}, ` +
      `${apple ? 'notarized (APPLE_* credentials)' : 'NOT notarized (set APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER)'}`,
    `Windows: ${windows ? 'signed (WIN_CSC_LINK or CSC_LINK)' : 'UNSIGNED (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign)'}`,
    'Linux: AppImage and deb for x64 and arm64 (UOS and Kylin take the deb); not signed',
  ];
}

/** Where electron/index.js would find the binary (it cannot be required: it downloads, or throws). */
function binaryPath(env) {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  return path.join(env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist'), relative);
}

function main() {
  const binary = binaryPath(process.env);
  if (binary === null || !existsSync(binary)) {
    console.error(
      'Ducha: npm run dist needs the Electron binary (node_modules/electron/dist), which comes from GitHub ' +
        'releases and is not installed here; run it on a machine that can reach them (the workflow ' +
        '.github/workflows/desktop.yml builds every installer), or install Electron with ELECTRON_MIRROR set.',
    );
    process.exit(1);
  }
  for (const line of signingPlan(process.env)) console.log(`Ducha: ${line}`);
  const run = (command, args) => {
    const result = spawnSync(command, args, {
      cwd: appDir,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) process.exit(result.status ?? 1);
  };
  run('npm', ['run', 'build']);
  run('npx', ['electron-builder', '--config', 'build/electron-builder.yml', ...process.argv.slice(2)]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main();

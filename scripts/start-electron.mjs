// `npm start` (after `npm run build`): runs the desktop app with the Electron binary from node_modules.
// Where no binary can be had (no download access), it says so in one line and points to the browser host,
// instead of the installer's stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const electronDir = path.join(appDir, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 5 * 60 * 1000;

function fail(line) {
  console.error(`Ducha: ${line}`);
  process.exit(1);
}

function failNoBinary(reason) {
  fail(
    `the Electron binary is not installed and cannot be downloaded here (${reason}). ` +
      'Run "npm run start:browser" to use Ducha in your browser.',
  );
}

// The same lookup as electron/index.js, which we cannot require: it downloads, or throws, on import.
function binaryPath() {
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : defaultRelativePath();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  return override ? path.join(override, relative) : path.join(electronDir, 'dist', relative);
}

function defaultRelativePath() {
  if (process.platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return process.platform === 'win32' ? 'electron.exe' : 'electron';
}

/** Runs Electron's own installer once; returns null on success, else a short reason. */
function tryInstall() {
  const installer = path.join(electronDir, 'install.js');
  if (!existsSync(installer)) return 'the electron package is missing; run "npm install"';
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronDir,
    encoding: 'utf8',
    timeout: INSTALL_TIMEOUT_MS,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.error)
    return result.error.code === 'ETIMEDOUT' ? 'the download timed out' : result.error.message;
  if (result.status === 0) return null;
  return `download failed: ${firstMessageLine(`${result.stderr}\n${result.stdout}`) ?? `installer exit code ${result.status}`}`;
}

/** The first line of an error dump that is not a stack frame, without its "TypeError:" prefix. */
function firstMessageLine(text) {
  const line = text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l !== '' && !l.startsWith('at ') && !l.startsWith('Downloading'));
  return line?.replace(/^[A-Za-z]*Error:\s*/, '').slice(0, 160);
}

function findOrInstallBinary() {
  const binary = binaryPath();
  if (existsSync(binary)) return binary;
  // An explicit ELECTRON_OVERRIDE_DIST_PATH means "use this one": downloading elsewhere would not help.
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH)
    failNoBinary(`ELECTRON_OVERRIDE_DIST_PATH has no ${path.basename(binary)}`);
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) failNoBinary('ELECTRON_SKIP_BINARY_DOWNLOAD is set');
  const reason = tryInstall();
  if (reason !== null) failNoBinary(reason);
  const installed = binaryPath();
  if (!existsSync(installed)) failNoBinary('the installer finished but left no binary');
  return installed;
}

function run(binary) {
  if (!existsSync(path.join(appDir, 'dist', 'electron', 'main.cjs'))) {
    fail('the app is not built (dist/electron/main.cjs is missing); run "npm run build" first.');
  }
  const env = { ...process.env };
  // Set in some shells and CI images; it would turn the app into a plain Node process.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(binary, [appDir, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env,
    windowsHide: false,
  });

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    fail(`could not start Electron (${error.message}).`);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}

run(findOrInstallBinary());

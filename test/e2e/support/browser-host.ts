// Starts the real browser host (the built server, as `npm run start:browser` runs it) on a free port.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './host-choice';

export interface RunningHost {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

const READY = /Ducha is running at (\S+)/;

export function startBrowserHost(home: string, env: Record<string, string> = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [join(REPO, 'dist', 'browser-host', 'server.mjs'), '--no-open'], {
    env: { ...process.env, DUCHA_PORT: '0', DUCHA_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], process: child, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
}

// A server of the benchmark as a child process of its own (Ducha's, PouchDB's, the bare PUT server),
// so that its CPU is not the bench's and a run starts from a fresh process. Its output is read as it
// comes (a full pipe would stall it) and only the tail is kept, to explain a failure.
import { spawn } from 'node:child_process';
import { REPO } from '../support.mjs';

const KEEP_CHARS = 20_000;

/**
 * Runs `node file …args` from the repository (packages resolve from its node_modules) and waits until
 * its output matches `ready`; resolves with the match, the output's tail and a stop function.
 */
export function startChild(file, { args = [], env = {}, ready, label, timeoutMs = 60_000 }) {
  // BENCH_CHILD_NODE_ARGS (for example `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the servers.
  const nodeArgs = process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, file, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output += chunk.toString();
    if (output.length > 2 * KEEP_CHARS) output = output.slice(-KEEP_CHARS);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  const stop = async (signal = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    // A server that does not finish its shutdown within 10 s is killed: the bench must go on.
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`${label} did not start within ${timeoutMs} ms:\n${output.slice(-2000)}`));
    }, timeoutMs);
    const look = () => {
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', look);
      resolve({ match, stop, output: () => output.slice(-KEEP_CHARS), pid: child.pid });
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before it was ready:\n${output.slice(-2000)}`));
    });
  });
}

// A crash, as a power cut or a killed process would make it: the browser of one profile is killed
// with SIGKILL, with no chance to close windows, flush or say goodbye to the page.
import { execFileSync } from 'node:child_process';

/** Kills the main Chromium process using `profile` (not its helpers, which die with it); its pid. */
export function killBrowserOfProfile(profile: string): number {
  const mains = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
  if (mains.length !== 1)
    throw new Error(
      `expected one browser process of ${profile}, found ${mains.length}:\n${mains.join('\n')}`,
    );
  const pid = Number((mains[0] ?? '').split(/\s+/)[0]);
  process.kill(pid, 'SIGKILL');
  return pid;
}

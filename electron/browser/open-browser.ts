// Opens the system's default browser at the host's address. Best effort: on a machine without a desktop
// the printed address is enough, so every failure here is ignored.
import { spawn } from 'node:child_process';

function openerFor(platform: NodeJS.Platform, url: string): readonly [string, readonly string[]] {
  if (platform === 'darwin') return ['open', [url]];
  // "start" is a cmd built-in; its first quoted argument is a window title, hence the empty "".
  if (platform === 'win32') return ['cmd', ['/c', 'start', '""', url]];
  return ['xdg-open', [url]];
}

export function openInBrowser(url: string): void {
  const [command, args] = openerFor(process.platform, url);
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => {
      // No opener installed (a server, a minimal container): the user still has the printed address.
    });
    child.unref();
  } catch {
    // spawn can throw synchronously on odd platforms; opening the browser is only a convenience.
  }
}

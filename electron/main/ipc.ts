// The one place where host channels meet ipcMain. Every channel of the contract goes through the same
// wrapper: check the sender, then dispatch (which validates the payload and the reply).
// Typed structurally (with Electron's own types) so the unit tests can drive it without the Electron
// binary; index.ts passes the real ipcMain, which proves the real objects fit these shapes.
import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import {
  CHANNEL_NAMES,
  type HostContext,
  type HostHandlers,
  type HostResult,
  ipcChannelOf,
} from '../../shared/contract';
import { dispatch } from '../../shared/contract/dispatch';

/** The parts of Electron's IpcMainInvokeEvent the wrapper reads. */
export interface InvokeEventLike {
  readonly senderFrame: Pick<WebFrameMain, 'url'> | null;
  readonly sender: Pick<WebContents, 'id'>;
}

export interface IpcMainLike {
  // A property, not a method, so the listener is checked strictly (not bivariantly) against Electron's.
  readonly handle: (
    channel: Parameters<IpcMain['handle']>[0],
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<HostResult<unknown>>,
  ) => void;
}

const forbidden: HostResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'this window may not call the Ducha host' },
};

export function registerHostHandlers(
  ipcMain: IpcMainLike,
  handlers: HostHandlers,
  isTrustedSender: (event: InvokeEventLike) => boolean,
  context: HostContext,
): void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannelOf(name), async (event, payload) => {
      if (!senderIsTrusted(isTrustedSender, event)) {
        console.warn(`Ducha: refused a call to ${name} from ${describeSender(event)}`);
        return forbidden;
      }
      return dispatch(handlers, name, payload, context);
    });
  }
}

function senderIsTrusted(check: (event: InvokeEventLike) => boolean, event: InvokeEventLike): boolean {
  try {
    return check(event);
  } catch {
    // Electron throws when a frame is read after it was disposed; an unknown sender is refused.
    return false;
  }
}

function describeSender(event: InvokeEventLike): string {
  try {
    return event.senderFrame?.url.slice(0, 200) ?? 'a frame that no longer exists';
  } catch {
    return 'a frame that no longer exists';
  }
}

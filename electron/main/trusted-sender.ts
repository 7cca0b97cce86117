// Who may call the host over IPC: a frame showing our own page, in one of our own windows. A page that
// got into a window some other way (a bug, a navigation we failed to block) gets nothing.
import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin';
import type { InvokeEventLike } from './ipc';

export type SenderCheck = (event: InvokeEventLike) => boolean;

export function createTrustedSenderCheck(
  isOurWebContents: (sender: Pick<WebContents, 'id'>) => boolean,
): SenderCheck {
  return (event) => {
    // senderFrame is null once the frame has navigated away or been destroyed: nobody to trust.
    const frame = event.senderFrame;
    return frame !== null && isAppUrl(frame.url) && isOurWebContents(event.sender);
  };
}

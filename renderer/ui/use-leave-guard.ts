// Work that is not kept as a draft — a signature being drawn, marks drawn on a photo — is asked about
// before the page is closed or reloaded. In-app navigation needs no guard for it: the signature dialog
// and the photo viewer cover the app, so the menu is out of reach while they are open. In Electron the main process puts the question
// (will-prevent-unload); a browser asks with its own words.
import { useEffect } from 'react';

export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older engines ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}

// Work that cannot be kept as a draft — a signature being drawn — is asked about before the page is
// closed or reloaded. In-app navigation needs no guard for it: the signature dialog's mask keeps the
// rest of the app out of reach while it is open. In Electron the main process puts the question
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

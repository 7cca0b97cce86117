// Whether the system asks for less motion (Windows "Show animations" off, macOS "Reduce motion",
// GNOME "Animations" off). antd then opens menus and dialogs at once instead of zooming and sliding:
// easier on people who get dizzy from movement, and on an old laptop's processor.
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

const media = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;

function subscribe(onChange: () => void): () => void {
  const list = media();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => media()?.matches ?? false);
}

// Which photos an intake just added: the ids present when it started are remembered, and the ones that
// appear afterwards are handed over once, so a picker can tick what was just taken for it.
import { useEffect, useRef } from 'react';
import type { Photo } from '../../../shared/domain/photo';

export function useFreshPhotos(photos: readonly Photo[] | undefined, onFresh: (fresh: Photo[]) => void) {
  const known = useRef<ReadonlySet<string> | null>(null);
  const handler = useRef(onFresh);
  useEffect(() => {
    handler.current = onFresh;
  });
  useEffect(() => {
    if (!known.current || !photos) return;
    const before = known.current;
    const fresh = photos.filter((p) => !before.has(p.id));
    known.current = new Set(photos.map((p) => p.id));
    if (fresh.length > 0) handler.current(fresh);
  }, [photos]);
  /** Call as an intake starts: the photos there now are not fresh. */
  return () => {
    known.current = new Set((photos ?? []).map((p) => p.id));
  };
}

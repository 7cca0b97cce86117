// The removable drives, listed by the host and polled while the page is open, so a stick plugged in
// appears without a click.
import { useEffect, useState } from 'react';
import type { Drives } from '../../../shared/contract';
import { useHost } from '../../app/host-context';

const POLL_MS = 3000;

export function useDrives(): Drives | null {
  const { api } = useHost();
  const [drives, setDrives] = useState<Drives | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const listed = await api.exchangeDrives({});
        if (live) setDrives(listed);
      } catch (error) {
        if (live)
          setDrives({
            drives: [],
            lister: null,
            problem: error instanceof Error ? error.message : String(error),
          });
      }
      if (live) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api]);
  return drives;
}

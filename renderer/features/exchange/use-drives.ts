// The removable drives, listed by the host and polled while the page is open, so a stick plugged in
// appears without a click.
import { useEffect, useState } from 'react';
import type { GrantedDrives } from '../../../shared/contract';
import { useHost } from '../../ui/host-context';

const POLL_MS = 3000;

/** The host's listing; `failure` when the host could not be asked (said in the user's words by DrivesList). */
export type DrivesListing = GrantedDrives & { readonly failure?: unknown };

export function useDrives(): DrivesListing | null {
  const { api } = useHost();
  const [drives, setDrives] = useState<DrivesListing | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const listed = await api.exchangeDrives({});
        if (live) setDrives(listed);
      } catch (error) {
        if (live) setDrives({ drives: [], lister: null, problem: null, failure: error });
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

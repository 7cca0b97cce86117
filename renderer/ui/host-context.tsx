import { createContext, type ReactNode, useContext } from 'react';
import type { HostClient } from '../host/client';

const HostContext = createContext<HostClient | null>(null);

export const HostProvider = ({ host, children }: { host: HostClient; children: ReactNode }) => (
  <HostContext value={host}>{children}</HostContext>
);

export function useHost(): HostClient {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside HostProvider');
  return host;
}

// Hands the open database to the hooks below it; components never see Dexie itself.
import { createContext, type ReactNode, useContext } from 'react';
import type { DuchaDatabase } from './database';

const DatabaseContext = createContext<DuchaDatabase | null>(null);

export function DatabaseProvider({ db, children }: { db: DuchaDatabase; children: ReactNode }) {
  return <DatabaseContext value={db}>{children}</DatabaseContext>;
}

export function useDatabase(): DuchaDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside DatabaseProvider');
  return db;
}

// How the ledger is filtered and sorted; kept while the user opens a project and comes back.
import { create } from 'zustand';
import { EMPTY_FILTER, type LedgerFilter, type LedgerSort } from './ledger-query';

interface LedgerViewState {
  filter: LedgerFilter;
  sort: LedgerSort;
  setFilter: (change: Partial<LedgerFilter>) => void;
  clearFilter: () => void;
  setSort: (sort: LedgerSort) => void;
}

export const useLedgerView = create<LedgerViewState>()((set) => ({
  filter: EMPTY_FILTER,
  sort: { key: 'name', order: 'asc' },
  setFilter: (change) => set((s) => ({ filter: { ...s.filter, ...change } })),
  clearFilter: () => set({ filter: EMPTY_FILTER }),
  setSort: (sort) => set({ sort }),
}));

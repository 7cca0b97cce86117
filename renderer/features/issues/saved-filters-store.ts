// Filters of the issue list the user named and keeps ("思茅区逾期问题"), remembered on this computer
// (localStorage): they are a way of looking, not data to sync. Each is the list's address query, so
// opening one is navigating to it.
import { create } from 'zustand';
import { persist } from 'zustand/middleware';

export interface SavedFilter {
  id: string;
  name: string;
  /** The list's query string, as filter-params.ts writes it. */
  query: string;
}

interface SavedFiltersState {
  filters: SavedFilter[];
  /** Saves the query under the name; a filter of the same name is replaced. */
  save: (name: string, query: string) => SavedFilter;
  remove: (id: string) => void;
}

export const useSavedFilters = create<SavedFiltersState>()(
  persist(
    (set, get) => ({
      filters: [],
      save: (name, query) => {
        const trimmed = name.trim();
        const saved = { id: crypto.randomUUID(), name: trimmed, query };
        set({ filters: [...get().filters.filter((f) => f.name !== trimmed), saved] });
        return saved;
      },
      remove: (id) => set({ filters: get().filters.filter((f) => f.id !== id) }),
    }),
    { name: 'ducha.issue-filters', version: 1 },
  ),
);

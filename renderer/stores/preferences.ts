// Preferences that belong to this computer rather than to the data: remembered in localStorage so
// they apply even before the database opens (the error page speaks the user's language too).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { Language } from '../i18n';

interface PreferencesState {
  /** The language the user chose; null until they choose. */
  chosenLanguage: Language | null;
  chooseLanguage: (language: Language) => void;
}

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      chosenLanguage: null,
      chooseLanguage: (language) => set({ chosenLanguage: language }),
    }),
    { name: 'ducha.preferences', version: 1 },
  ),
);

// Preferences that belong to this computer rather than to the data: remembered in localStorage so
// they apply even before the database opens (the error page speaks the user's language too).
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { CHINA_TIME_ZONE } from '../../shared/domain/dates';
import type { Language } from '../i18n';

interface PreferencesState {
  /** The language the user chose; null until they choose. */
  chosenLanguage: Language | null;
  chooseLanguage: (language: Language) => void;
  /**
   * The IANA zone whose calendar decides "today" for colour cards, reminders and figures: China
   * Standard Time unless the office works elsewhere (a team abroad, a laptop set to UTC).
   */
  timeZone: string;
  chooseTimeZone: (timeZone: string) => void;
  /** The sidebar folded to its icons, as the user left it (a small screen wants the room). */
  sidebarCollapsed: boolean;
  setSidebarCollapsed: (collapsed: boolean) => void;
}

export const usePreferences = create<PreferencesState>()(
  persist(
    (set) => ({
      chosenLanguage: null,
      chooseLanguage: (language) => set({ chosenLanguage: language }),
      timeZone: CHINA_TIME_ZONE,
      chooseTimeZone: (timeZone) => set({ timeZone }),
      sidebarCollapsed: false,
      setSidebarCollapsed: (sidebarCollapsed) => set({ sidebarCollapsed }),
    }),
    // Version 1 had no time zone nor sidebar state: the merge of persisted state over the defaults fills them in.
    { name: 'ducha.preferences', version: 1 },
  ),
);

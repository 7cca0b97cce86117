// What this run of the app knows that is not data: the host, the language in force, storage status.
import { create } from 'zustand';
import type { AppInfo } from '../../shared/contract';
import type { Language } from '../i18n';

export interface StorageStatus {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

interface SessionState {
  appInfo: AppInfo | null;
  /** Why the host did not answer; put in the user's words where it is shown, in the language then. */
  appInfoError: { readonly error: unknown } | null;
  /** Set when ?lang= or DUCHA_LANG forces the language for this run; the switch then does not persist. */
  forcedLanguage: Language | null;
  language: Language;
  storage: StorageStatus;
  setLanguage: (language: Language) => void;
  setStorage: (storage: StorageStatus) => void;
}

export const useSession = create<SessionState>()((set) => ({
  appInfo: null,
  appInfoError: null,
  forcedLanguage: null,
  language: 'zh-CN',
  storage: { persisted: null, usage: null, quota: null },
  setLanguage: (language) => set({ language }),
  setStorage: (storage) => set({ storage }),
}));

// Where the database stands in this run: opening, blocked by another window, ready, or failed.
import { create } from 'zustand';
import type { DuchaDatabase } from '../db';
import type { OpenFailure } from '../db/start';

export type DatabaseState =
  | { status: 'opening' }
  | { status: 'blocked' }
  | { status: 'ready'; db: DuchaDatabase }
  | { status: 'failed'; failure: OpenFailure }
  | { status: 'replaced' };

export const useDatabaseState = create<{ state: DatabaseState }>()(() => ({ state: { status: 'opening' } }));

export const setDatabaseState = (state: DatabaseState) => useDatabaseState.setState({ state });

// Who works on this laptop, live: the team and the person chosen.
import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../provider';
import { readWorkingContext, type WorkingContext } from '../../repositories/working-context';

/** undefined while loading. */
export function useWorkingContext(): WorkingContext | undefined {
  const db = useDatabase();
  return useLiveQuery(() => readWorkingContext(db), [db]);
}

// Sign-off, amendments and annotations for components: live queries and the commands that write them.
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnnotationShape } from '../../shared/domain/photo-annotation';
import type { DuchaDatabase } from './database';
import { useDatabase } from './provider';
import { annotationOf, saveAnnotation } from './repositories/photo-annotations';
import { removeSignature, type SignatureInput, signVisit } from './repositories/sign-off';
import {
  amendmentsOfVisit,
  amendVisit,
  type VisitCorrection,
  verifyAmendments,
} from './repositories/visit-amendments';

export type { SignatureInput } from './repositories/sign-off';
export {
  diffVisit,
  NotFinalizedError,
  NothingToAmendError,
  type VisitCorrection,
} from './repositories/visit-amendments';
export { SignatureMissingError } from './repositories/visits';

/** A visit's amendments in order and whether their chain is intact; undefined while loading. */
export function useAmendments(visitId: string) {
  const db = useDatabase();
  return useLiveQuery(async () => {
    const [entries, verdict] = await Promise.all([
      amendmentsOfVisit(db, visitId),
      verifyAmendments(db, visitId),
    ]);
    return { entries, verdict };
  }, [db, visitId]);
}

/** The marks drawn on a photo (null: none); undefined while loading. */
export function useAnnotation(photoId: string) {
  const db = useDatabase();
  return useLiveQuery(() => annotationOf(db, photoId), [db, photoId]);
}

export const signOffActions = (db: DuchaDatabase) => ({
  sign: (visitId: string, input: SignatureInput) => signVisit(db, visitId, input),
  removeSignature: (visitId: string, role: SignatureInput['role']) => removeSignature(db, visitId, role),
  amend: (visitId: string, correction: VisitCorrection, reason: string, actor: string) =>
    amendVisit(db, visitId, correction, reason, actor),
  annotate: (photo: { id: string; sha256: string }, shapes: readonly AnnotationShape[]) =>
    saveAnnotation(db, photo, shapes),
});

// Photos, live: a visit's, an issue's or a project's photos, object URLs of their pictures, and the
// marks drawn on one.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { DerivativeKind } from '../../../../shared/photos/prepared';
import { useDatabase } from '../../provider';
import { annotationOf } from '../../repositories/photo-annotations';
import {
  holdsOriginal,
  photoBlob,
  photoDerivative,
  photosOf,
  type PhotoOwner,
} from '../../repositories/photos';

type OwnerKind = 'visitId' | 'issueId' | 'projectId';

const ownerParts = (owner: PhotoOwner): [OwnerKind, string] =>
  'visitId' in owner
    ? ['visitId', owner.visitId]
    : 'issueId' in owner
      ? ['issueId', owner.issueId]
      : ['projectId', owner.projectId];

const ownerOf = (kind: OwnerKind, id: string): PhotoOwner =>
  kind === 'visitId' ? { visitId: id } : kind === 'issueId' ? { issueId: id } : { projectId: id };

/** The live photos of a visit, an issue or a project, in the order taken; undefined while loading. */
export function usePhotos(owner: PhotoOwner) {
  const db = useDatabase();
  // By value: callers pass a fresh object on every render.
  const [kind, id] = ownerParts(owner);
  return useLiveQuery(() => photosOf(db, ownerOf(kind, id)), [db, kind, id]);
}

/**
 * An object URL of a photo's smaller copy, or of its original when the copy is missing (the sample
 * campaign's photos, photos synced before their copies were made). undefined while loading, null
 * when this device has neither. The URL is revoked when the photo changes or the component goes.
 */
export function usePhotoDerivativeUrl(
  sha256: string | null | undefined,
  kind: DerivativeKind,
): string | null | undefined {
  const db = useDatabase();
  const blob = useLiveQuery(async () => {
    if (!sha256) return null;
    const copy = await photoDerivative(db, sha256, kind);
    return copy?.blob ?? (await photoBlob(db, sha256)) ?? null;
  }, [db, sha256, kind]);
  return useObjectUrl(blob);
}

function useObjectUrl(blob: Blob | null | undefined): string | null | undefined {
  const [current, setCurrent] = useState<{ blob: Blob; url: string } | null>(null);
  useEffect(() => {
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URL is an external resource made here and revoked below; it cannot be derived during render.
    setCurrent({ blob, url });
    return () => URL.revokeObjectURL(url);
  }, [blob]);
  if (!blob) return blob;
  // Until the effect has made this blob's URL, say "loading" rather than show the previous photo.
  return current?.blob === blob ? current.url : undefined;
}

/** The marks drawn on a photo (null: none); undefined while loading. */
export function useAnnotation(photoId: string) {
  const db = useDatabase();
  return useLiveQuery(() => annotationOf(db, photoId), [db, photoId]);
}

/** Whether this laptop holds the photo's original, live (it may come down meanwhile); undefined while loading. */
export function useHoldsOriginal(sha256: string): boolean | undefined {
  const db = useDatabase();
  return useLiveQuery(() => holdsOriginal(db, sha256), [db, sha256]);
}

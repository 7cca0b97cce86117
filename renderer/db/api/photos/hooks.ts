// Photos, live: a visit's, an issue's or a project's photos, object URLs of their pictures, and the
// marks drawn on one.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { DerivativeKind } from '../../../../shared/photos/prepared';
import { useDatabase } from '../../provider';
import { annotationOf } from '../../repositories/photo-annotations';
import {
  holdsOriginal,
  photoBlob,
  photoDerivative,
  photosOf,
  type PhotoOwner,
  thumbnailsOf,
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

/**
 * Object URLs of many photos' thumbnails (a gallery's visible rows), read in one query and kept while
 * their blobs stay the same: the map says null for a photo this laptop has no picture of, and is
 * undefined while loading. A URL is revoked once its photo scrolls away or changes.
 */
export function useThumbnailUrls(sha256s: readonly string[]): ReadonlyMap<string, string | null> | undefined {
  const db = useDatabase();
  const key = sha256s.join(',');
  const wanted = useMemo(() => (key === '' ? [] : key.split(',')), [key]);
  const blobs = useLiveQuery(() => thumbnailsOf(db, wanted), [db, wanted]);
  const [cache] = useState(() => new ObjectUrls());
  const [shown, setShown] = useState<{ blobs: Map<string, Blob>; urls: Map<string, string | null> } | null>(
    null,
  );
  useEffect(() => {
    if (!blobs) return;
    const urls = new Map<string, string | null>();
    for (const sha256 of wanted) {
      const blob = blobs.get(sha256);
      urls.set(sha256, blob ? cache.urlOf(sha256, blob) : null);
    }
    cache.keepOnly(new Set([...blobs].map(([sha256, blob]) => pictureKey(sha256, blob))));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the URLs are external resources made here and revoked by the cache; they cannot be derived during render.
    setShown({ blobs, urls });
  }, [blobs, wanted, cache]);
  useEffect(() => () => cache.revokeAll(), [cache]);
  return shown !== null && shown.blobs === blobs ? shown.urls : undefined;
}

/**
 * A picture's identity across reads: every read gives a new Blob object, but a photo's thumbnail only
 * changes from its original (the fallback) to its copy, which differ in size or type.
 */
const pictureKey = (sha256: string, blob: Blob) => `${sha256}:${String(blob.size)}:${blob.type}`;

/** Object URLs by picture, kept while it is shown, so a picture that stays keeps its URL (no reload). */
class ObjectUrls {
  private readonly urls = new Map<string, string>();

  urlOf(sha256: string, blob: Blob): string {
    const key = pictureKey(sha256, blob);
    let url = this.urls.get(key);
    if (url === undefined) {
      url = URL.createObjectURL(blob);
      this.urls.set(key, url);
    }
    return url;
  }

  keepOnly(keys: ReadonlySet<string>): void {
    for (const [key, url] of this.urls)
      if (!keys.has(key)) {
        URL.revokeObjectURL(url);
        this.urls.delete(key);
      }
  }

  revokeAll(): void {
    this.keepOnly(new Set());
  }
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

// Commands on photos: adding them (originals kept bit for bit, copies made), captions and marks.
import type { AnnotationShape } from '../../../../shared/domain/photo-annotation';
import type { PreparedPhoto } from '../../../../shared/photos/prepared';
import type { DuchaDatabase } from '../../database';
import { saveAnnotation } from '../../repositories/photo-annotations';
import { addPhotos, type PhotoLink, setPhotoCaption } from '../../repositories/photos';

export const photoActions = (db: DuchaDatabase) => ({
  /** Stores prepared photos in one transaction; see addPhotos for what "added twice" does. */
  add: (prepared: readonly PreparedPhoto[], link: PhotoLink) => addPhotos(db, prepared, link),
  setCaption: (photoId: string, caption: string) => setPhotoCaption(db, photoId, caption),
  /** The photo's layer of marks; the picture itself is never touched. */
  annotate: (photo: { id: string; sha256: string }, shapes: readonly AnnotationShape[]) =>
    saveAnnotation(db, photo, shapes),
});

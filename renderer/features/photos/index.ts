// The photos feature's public face: the panel that shows and takes a record's photos, and the pieces
// other pages reuse (the re-inspection's before/after columns take photos the same way).
export { IntakeStatus } from './IntakeStatus';
export { PhotoPanel } from './PhotoPanel';
export { PhotoViewer } from './PhotoViewer';
export { useAbsentPhotoText } from './use-absent-photo-text';
export { usePhotoDropZone } from './use-photo-drop-zone';
export { type PhotoIntake, usePhotoIntake } from './use-photo-intake';
export { WebcamButton } from './WebcamButton';

// What can go wrong when a photo is added, as the user meets it. Each error names the file; the UI
// turns the kind into a sentence in the user's language saying what happened and what to do.

export const PHOTO_INTAKE_ERROR_KINDS = [
  'unreadable', // the file could not be read (the card or USB stick was removed, no permission)
  'empty', // the file has 0 bytes
  'notAnImage', // not an image format we know (a document, a video, a damaged file)
  'unsupportedFormat', // an image this engine cannot decode (HEIC from iPhones, TIFF)
  'tooLarge', // over MAX_PIXELS: decoding it could exhaust the laptop's memory
  'truncated', // the file was cut off (an interrupted copy): copy it again from the camera
  'undecodable', // the decoder refused it
  'storageFull', // the disk or the browser's storage quota is full: nothing was stored
] as const;
export type PhotoIntakeErrorKind = (typeof PHOTO_INTAKE_ERROR_KINDS)[number];

export class PhotoIntakeError extends Error {
  override name = 'PhotoIntakeError';
  constructor(
    readonly kind: PhotoIntakeErrorKind,
    /** The file's name as the user chose it, to say which one failed. */
    readonly fileName: string,
    /** Technical detail for the log (a format, a size, the engine's message); not for the user. */
    readonly detail: string = '',
  ) {
    super(`${fileName}: ${kind}${detail ? ` (${detail})` : ''}`);
  }
}

export const isPhotoIntakeError = (error: unknown): error is PhotoIntakeError =>
  error instanceof PhotoIntakeError;

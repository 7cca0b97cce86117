// Where photos come in besides the pickers: files and folders dropped on a zone, images pasted into it.
// The photo panel and the re-inspection's before/after columns both take photos this way; one place
// keeps the rules (a busy intake refuses, text pasted into a field stays text, the overlay follows
// the drag) so that the two cannot drift apart.
import { App } from 'antd';
import { useReadOnly } from '../../db';
import { type ClipboardEvent, type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { collectDrop, itemsOfFiles, takeDrop } from './dropped-files';
import type { PhotoIntake } from './use-photo-intake';

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

export function usePhotoDropZone(intake: PhotoIntake, locked: boolean) {
  const { t } = useTranslation();
  // A leader signed in adds nothing, by drop or paste either.
  const readOnly = useReadOnly() === true || locked;
  const { message } = App.useApp();
  const [dropping, setDropping] = useState(false);

  /** True when nothing may be added now (locked, or an intake is running: said so). */
  const refuse = (): boolean => {
    if (readOnly) return true;
    if (intake.state.running) void message.info(t('photos.busy'));
    return intake.state.running;
  };
  const addFiles = (files: File[]) => {
    if (files.length > 0 && !refuse()) void intake.start({ items: itemsOfFiles(files), failures: [] });
  };
  const zoneProps = {
    onPaste: (event: ClipboardEvent<HTMLElement>) => {
      // Text pasted into a caption or a field inside the zone stays text.
      if (readOnly || (event.target as HTMLElement).closest('input, textarea, [contenteditable="true"]'))
        return;
      const files = Array.from(event.clipboardData.files);
      if (files.length === 0) return;
      event.preventDefault();
      addFiles(files);
    },
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (readOnly || !hasFiles(event)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    },
    onDragLeave: (event: DragEvent<HTMLElement>) => {
      // Leaving for a child is not leaving the zone.
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      if (readOnly || !hasFiles(event)) return;
      event.preventDefault();
      setDropping(false);
      if (refuse()) return;
      // Taken now: the browser empties the drop's list when this handler returns.
      void collectDrop(takeDrop(event.dataTransfer)).then(intake.start);
    },
  };
  return { dropping, zoneProps, addFiles };
}

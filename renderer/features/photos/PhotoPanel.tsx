// The photos of a visit, an issue or a project: add them (pick files or a folder, drop files and
// folders, paste images, the webcam), see them as thumbnails, open one large and caption it.
import { FolderAddOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Button, Empty, Space, Spin, Typography } from 'antd';
import { type ClipboardEvent, type DragEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PhotoLink, type PhotoOwner, usePhotos } from '../../db';
import { collectDrop, itemsOfFiles, takeDrop } from './dropped-files';
import { IntakeStatus } from './IntakeStatus';
import { PhotoGallery } from './PhotoGallery';
import { PhotoViewer } from './PhotoViewer';
import styles from './photos.module.css';
import { usePhotoIntake } from './use-photo-intake';
import { WebcamButton } from './WebcamButton';

/** The photos shown are those of the most particular place the panel adds to. */
const ownerOfLink = (link: PhotoLink): PhotoOwner =>
  link.issueId
    ? { issueId: link.issueId }
    : link.visitId
      ? { visitId: link.visitId }
      : { projectId: link.projectId };

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes('Files');

/** readOnly: the owner is locked (a finalized visit); photos are shown but none can be added. */
export function PhotoPanel({ link, readOnly = false }: { link: PhotoLink; readOnly?: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const photos = usePhotos(ownerOfLink(link));
  const intake = usePhotoIntake(link);
  const [viewing, setViewing] = useState<string | null>(null);
  const [dropping, setDropping] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);
  const busy = intake.state.running;

  const refuseWhileBusy = (): boolean => {
    if (readOnly) return true;
    if (busy) void message.info(t('photos.busy'));
    return busy;
  };

  const onPicked = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    // Cleared so that picking the same files again is noticed.
    input.value = '';
    if (files.length > 0 && !refuseWhileBusy())
      void intake.start({ items: itemsOfFiles(files), failures: [] });
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    setDropping(false);
    if (refuseWhileBusy()) return;
    // Taken now: the browser empties the drop's list when this handler returns.
    const dropped = takeDrop(event.dataTransfer);
    void collectDrop(dropped).then(intake.start);
  };

  const onPaste = (event: ClipboardEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    // Text pasted into the caption (the viewer is inside this panel for React) stays text.
    if (target.closest('input, textarea, [contenteditable="true"]')) return;
    const files = Array.from(event.clipboardData.files);
    if (files.length === 0) return;
    event.preventDefault();
    if (!refuseWhileBusy()) void intake.start({ items: itemsOfFiles(files), failures: [] });
  };

  return (
    <section
      aria-label={t('photos.title')}
      tabIndex={0}
      className={`${styles.panel} ${dropping ? styles.dropping : ''}`}
      onPaste={onPaste}
      onDragOver={(event) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropping(true);
      }}
      onDragLeave={(event) => {
        // Leaving for a child is not leaving the panel.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
      }}
      onDrop={onDrop}
    >
      {dropping && <div className={styles.dropOverlay}>{t('photos.dropNow')}</div>}
      <input
        ref={filesInput}
        type="file"
        multiple
        accept="image/*"
        hidden
        data-testid="photo-files-input"
        onChange={(e) => onPicked(e.currentTarget)}
      />
      <input
        ref={(element) => {
          // Not a React prop: the attribute has no place in React's types.
          if (element) element.webkitdirectory = true;
          folderInput.current = element;
        }}
        type="file"
        multiple
        hidden
        data-testid="photo-folder-input"
        onChange={(e) => onPicked(e.currentTarget)}
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          {!readOnly && (
            <Space wrap>
              <Button
                type="primary"
                icon={<PictureOutlined />}
                disabled={busy}
                onClick={() => filesInput.current?.click()}
              >
                {t('photos.add')}
              </Button>
              <Button
                icon={<FolderAddOutlined />}
                disabled={busy}
                onClick={() => folderInput.current?.click()}
              >
                {t('photos.addFolder')}
              </Button>
              <WebcamButton
                disabled={busy}
                onCapture={(file) => void intake.start({ items: itemsOfFiles([file]), failures: [] })}
              />
            </Space>
          )}
          {photos && (
            <Typography.Text type="secondary" data-testid="photo-count" style={{ marginLeft: 'auto' }}>
              {t('photos.count', { count: photos.length })}
            </Typography.Text>
          )}
        </Space>
        {!readOnly && <Typography.Text type="secondary">{t('photos.dropHint')}</Typography.Text>}
        <IntakeStatus state={intake.state} onCancel={intake.cancel} onDismiss={intake.dismiss} />

        {photos === undefined ? (
          <Spin />
        ) : photos.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('photos.empty')} />
        ) : (
          <PhotoGallery photos={photos} label={t('photos.title')} onOpen={setViewing} />
        )}
      </Space>
      <PhotoViewer photos={photos ?? []} openId={viewing} onOpen={setViewing} readOnly={readOnly} />
    </section>
  );
}

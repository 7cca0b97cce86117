// The photos of a visit, an issue or a project: add them (pick files or a folder, drop files and
// folders, paste images, the webcam), see them as thumbnails, open one large and caption it.
import { FolderAddOutlined, PictureOutlined } from '../../ui/icons';
import { Button, Empty, Space, Spin, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type PhotoLink, type PhotoOwner, usePhotos, useReadOnly } from '../../db';
import { itemsOfFiles } from './dropped-files';
import { IntakeStatus } from './IntakeStatus';
import { PhotoGallery } from './PhotoGallery';
import { PhotoViewer } from './PhotoViewer';
import styles from './photos.module.css';
import { usePhotoDropZone } from './use-photo-drop-zone';
import { usePhotoIntake } from './use-photo-intake';
import { WebcamButton } from './WebcamButton';

/** The photos shown are those of the most particular place the panel adds to. */
const ownerOfLink = (link: PhotoLink): PhotoOwner =>
  link.issueId
    ? { issueId: link.issueId }
    : link.visitId
      ? { visitId: link.visitId }
      : { projectId: link.projectId };

/** readOnly: the owner is locked (a finalized visit); photos are shown but none can be added. */
export function PhotoPanel({ link, readOnly: locked = false }: { link: PhotoLink; readOnly?: boolean }) {
  const { t } = useTranslation();
  // A leader signed in adds no photo either (no buttons, no drop zone).
  const readOnly = useReadOnly() === true || locked;
  const photos = usePhotos(ownerOfLink(link));
  const intake = usePhotoIntake(link);
  const { dropping, zoneProps, addFiles } = usePhotoDropZone(intake, readOnly);
  const [viewing, setViewing] = useState<string | null>(null);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement | null>(null);
  const busy = intake.state.running;

  const onPicked = (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    // Cleared so that picking the same files again is noticed.
    input.value = '';
    addFiles(files);
  };

  return (
    <section
      aria-label={t('photos.title')}
      tabIndex={0}
      className={`${styles.panel} ${dropping ? styles.dropping : ''}`}
      {...zoneProps}
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

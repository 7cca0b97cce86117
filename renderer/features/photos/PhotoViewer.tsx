// One photo large: its display copy with its marks, zoom (buttons, mouse wheel, + and −; drag to pan),
// ← and → to the neighbouring photos, Esc to close; when, where and with what it was taken, its
// caption, and annotation (a layer of marks kept apart from the photo) unless the owner is locked.
import {
  CompressOutlined,
  EditOutlined,
  LeftOutlined,
  RightOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '../../ui/icons';
import {
  App,
  Button,
  Checkbox,
  Col,
  Descriptions,
  Input,
  Modal,
  Row,
  Space,
  Spin,
  Tooltip,
  Typography,
} from 'antd';
import { type PointerEvent as ReactPointerEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Photo } from '../../../shared/domain/photo';
import {
  MAX_CAPTION_LENGTH,
  photoActions,
  useAnnotation,
  useDatabase,
  usePhotoDerivativeUrl,
  useReadOnly,
} from '../../db';
import { ReadAction } from '../../ui/ReadAction';
import { AnnotationLayer } from './annotation/AnnotationLayer';
import { PhotoAnnotator } from './annotation/PhotoAnnotator';
import {
  fitScale,
  formatGps,
  formatTakenAt,
  MAX_ZOOM,
  MIN_ZOOM,
  photoName,
  stepZoom,
} from '../../ui/photo-format';
import styles from './photos.module.css';
import { OriginalStatus } from './OriginalStatus';
import { useAbsentPhotoText } from './use-absent-photo-text';
import { useElementSize } from './use-element-size';
import { errorContent } from '../../ui/ErrorDetails';
import { describeFailure } from '../../ui/user-error';

interface Props {
  photos: readonly Photo[];
  openId: string | null;
  onOpen: (photoId: string | null) => void;
  /** The owner is locked (a finalized visit): marks are shown but not drawn. */
  readOnly?: boolean;
}

export function PhotoViewer({ photos, openId, onOpen, readOnly: locked = false }: Props) {
  // A leader looks through the photos (the viewer's own buttons stay usable), marks and captions nothing.
  const leader = useReadOnly() === true;
  const readOnly = leader || locked;
  const index = openId === null ? -1 : photos.findIndex((p) => p.id === openId);
  const photo = photos[index];
  const move = (by: number) => {
    const next = photos[index + by];
    if (next) onOpen(next.id);
  };
  return (
    <Modal
      open={photo !== undefined}
      onCancel={() => onOpen(null)}
      footer={null}
      width="min(1200px, 96vw)"
      centered
      destroyOnHidden
      title={photo ? photo.fileName : ''}
    >
      {photo && (
        <ReadAction>
          <ViewerBody
            key={photo.id}
            photo={photo}
            index={index}
            total={photos.length}
            onMove={move}
            readOnly={readOnly}
            leader={leader}
          />
        </ReadAction>
      )}
    </Modal>
  );
}

const isEditable = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

interface BodyProps {
  photo: Photo;
  index: number;
  total: number;
  onMove: (by: number) => void;
  readOnly: boolean;
  /** A leader is signed in: not even the caption (which a locked owner's photos still take). */
  leader: boolean;
}

function ViewerBody({ photo, index, total, onMove, readOnly, leader }: BodyProps) {
  const { t } = useTranslation();
  const url = usePhotoDerivativeUrl(photo.sha256, 'display');
  const absent = useAbsentPhotoText();
  const [zoom, setZoom] = useState(1);
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const stage = useElementSize(stageRef);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);
  const annotation = useAnnotation(photo.id);
  const [annotating, setAnnotating] = useState(false);
  const [showMarks, setShowMarks] = useState(true);
  const marks = annotation?.shapes ?? [];

  useEffect(() => {
    if (annotating) return; // the annotator has the keys while it is open
    const onKey = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'ArrowLeft') onMove(-1);
      else if (event.key === 'ArrowRight') onMove(1);
      else if (event.key === '+' || event.key === '=') setZoom((z) => stepZoom(z, 1));
      else if (event.key === '-') setZoom((z) => stepZoom(z, -1));
      else if (event.key === '0') setZoom(1);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onMove, annotating]);

  useEffect(() => {
    const element = stageRef.current;
    if (!element) return;
    // Not React's onWheel: that listener is passive and cannot stop the page from scrolling.
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      setZoom((z) => stepZoom(z, event.deltaY < 0 ? 1 : -1));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const image = natural ?? { width: photo.width ?? 0, height: photo.height ?? 0 };
  const fit = fitScale(image, stage);
  const scale = fit * zoom;
  const sized = image.width > 0 && stage.width > 0;
  const shown = { width: Math.round(image.width * scale), height: Math.round(image.height * scale) };
  const fitted = { width: Math.round(image.width * fit), height: Math.round(image.height * fit) };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (zoom <= 1) return;
    const element = event.currentTarget;
    drag.current = { x: event.clientX, y: event.clientY, left: element.scrollLeft, top: element.scrollTop };
    element.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    event.currentTarget.scrollLeft = start.left - (event.clientX - start.x);
    event.currentTarget.scrollTop = start.top - (event.clientY - start.y);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Button icon={<LeftOutlined />} disabled={index === 0} onClick={() => onMove(-1)}>
            {t('photos.viewer.previous')}
          </Button>
          <Button icon={<RightOutlined />} disabled={index >= total - 1} onClick={() => onMove(1)}>
            {t('photos.viewer.next')}
          </Button>
          <Typography.Text data-testid="photo-position">
            {t('photos.viewer.position', { index: index + 1, total })}
          </Typography.Text>
        </Space>
        <Space wrap>
          {marks.length > 0 && !annotating && (
            <Checkbox checked={showMarks} onChange={(e) => setShowMarks(e.target.checked)}>
              {t('annotate.show')}
            </Checkbox>
          )}
          {!readOnly && !annotating && url && (
            <Button
              icon={<EditOutlined />}
              disabled={annotation === undefined || !sized}
              onClick={() => {
                setZoom(1);
                setAnnotating(true);
              }}
            >
              {t('annotate.open')}
            </Button>
          )}
          <Tooltip title={t('photos.viewer.zoomOut')}>
            <Button
              icon={<ZoomOutOutlined />}
              aria-label={t('photos.viewer.zoomOut')}
              disabled={zoom <= MIN_ZOOM}
              onClick={() => setZoom((z) => stepZoom(z, -1))}
            />
          </Tooltip>
          <Typography.Text data-testid="photo-zoom" style={{ minWidth: 48, textAlign: 'center' }}>
            {Math.round(zoom * 100)}%
          </Typography.Text>
          <Tooltip title={t('photos.viewer.zoomIn')}>
            <Button
              icon={<ZoomInOutlined />}
              aria-label={t('photos.viewer.zoomIn')}
              disabled={zoom >= MAX_ZOOM}
              onClick={() => setZoom((z) => stepZoom(z, 1))}
            />
          </Tooltip>
          <Tooltip title={t('photos.viewer.zoomFit')}>
            <Button
              icon={<CompressOutlined />}
              aria-label={t('photos.viewer.zoomFit')}
              disabled={zoom === 1}
              onClick={() => setZoom(1)}
            />
          </Tooltip>
        </Space>
      </Space>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {annotating && url && (
              <PhotoAnnotator
                photo={photo}
                url={url}
                width={fitted.width}
                height={fitted.height}
                initial={marks}
                onDone={() => setAnnotating(false)}
              />
            )}
            <div
              ref={stageRef}
              className={styles.stage}
              hidden={annotating}
              style={{ cursor: zoom > 1 ? 'grab' : 'default' }}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={() => (drag.current = null)}
              onPointerCancel={() => (drag.current = null)}
            >
              {url ? (
                <div className={styles.stageFrame}>
                  <img
                    src={url}
                    alt={photoName(photo)}
                    draggable={false}
                    onLoad={(e) =>
                      setNatural({
                        width: e.currentTarget.naturalWidth,
                        height: e.currentTarget.naturalHeight,
                      })
                    }
                    style={
                      sized
                        ? { ...shown, maxWidth: 'none', display: 'block' }
                        : { maxWidth: '100%', maxHeight: '100%', display: 'block' }
                    }
                  />
                  {sized && showMarks && marks.length > 0 && (
                    <AnnotationLayer
                      shapes={marks}
                      width={shown.width}
                      height={shown.height}
                      label={t('annotate.count', { count: marks.length })}
                    />
                  )}
                </div>
              ) : url === null ? (
                <Typography.Text className={styles.stageEmpty}>{absent}</Typography.Text>
              ) : (
                <Spin className={styles.stageEmpty} />
              )}
            </div>
            <Typography.Text type="secondary">{t('photos.viewer.keys')}</Typography.Text>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
              <Descriptions.Item label={t('photos.viewer.fileName')}>
                <span data-testid="photo-file-name">{photo.fileName}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('photos.viewer.takenAt')}>
                {photo.takenAt ? formatTakenAt(photo.takenAt) : t('photos.noTime')}
              </Descriptions.Item>
              <Descriptions.Item label={t('photos.viewer.gps')}>
                {photo.gps
                  ? [
                      formatGps(photo.gps),
                      photo.gps.altitude === undefined
                        ? null
                        : t('photos.viewer.altitude', { altitude: Math.round(photo.gps.altitude) }),
                    ]
                      .filter(Boolean)
                      .join(' · ')
                  : t('photos.viewer.noGps')}
              </Descriptions.Item>
              <Descriptions.Item label={t('photos.viewer.camera')}>
                {photo.camera ?? t('photos.viewer.unknown')}
              </Descriptions.Item>
              <Descriptions.Item label={t('photos.viewer.size')}>
                {photo.width && photo.height
                  ? `${photo.width} × ${photo.height}`
                  : t('photos.viewer.unknown')}
              </Descriptions.Item>
            </Descriptions>
            <OriginalStatus sha256={photo.sha256} />
            {leader ? (
              photo.caption && <Typography.Paragraph>{photo.caption}</Typography.Paragraph>
            ) : (
              <CaptionEditor photo={photo} />
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}

function CaptionEditor({ photo }: { photo: Photo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const db = useDatabase();
  const actions = useMemo(() => photoActions(db), [db]);
  const [value, setValue] = useState(photo.caption);
  const [saving, setSaving] = useState(false);
  const id = useId();

  const save = async () => {
    setSaving(true);
    try {
      await actions.setCaption(photo.id, value);
      void message.success(t('photos.viewer.captionSaved'));
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'photos.viewer.captionFailed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <label htmlFor={id}>
        <Typography.Text strong>{t('photos.viewer.caption')}</Typography.Text>
      </label>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Input
          id={id}
          value={value}
          maxLength={MAX_CAPTION_LENGTH}
          placeholder={t('photos.viewer.captionPlaceholder')}
          onChange={(e) => setValue(e.target.value)}
          onPressEnter={() => void save()}
        />
        <Button
          type="primary"
          loading={saving}
          disabled={value.trim() === photo.caption}
          onClick={() => void save()}
        >
          {t('photos.viewer.saveCaption')}
        </Button>
      </Space.Compact>
    </div>
  );
}

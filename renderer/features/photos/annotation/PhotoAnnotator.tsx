// Drawing marks on a photo: arrows, circles, rectangles and text, red unless another colour is
// chosen; undo (also Ctrl+Z), clear, save, cancel. The marks are saved as the photo's annotation
// layer; the original and its copies are never touched.
import { App, Button, Input, Radio, Space, Tooltip, Typography } from 'antd';
import { type PointerEvent as ReactPointerEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANNOTATION_COLORS,
  type AnnotationKind,
  type AnnotationShape,
  DEFAULT_ANNOTATION_COLOR,
} from '../../../../shared/domain/photo-annotation';
import type { Photo } from '../../../../shared/domain/photo';
import { photoActions, useDatabase } from '../../../db';
import { AnnotationLayer } from './AnnotationLayer';
import { useLeaveGuard } from '../../../ui/use-leave-guard';
import { type Point, shapeFromDrag, textAt } from './geometry';
import { errorContent } from '../../../ui/ErrorDetails';
import { describeFailure } from '../../../ui/user-error';

const TOOLS: readonly AnnotationKind[] = ['arrow', 'ellipse', 'rect', 'text'];
type Color = AnnotationShape['color'];

interface Props {
  photo: Photo;
  url: string;
  /** The size the picture is shown at, in CSS pixels. */
  width: number;
  height: number;
  initial: readonly AnnotationShape[];
  onDone: () => void;
}

export function PhotoAnnotator({ photo, url, width, height, initial, onDone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const db = useDatabase();
  const [shapes, setShapes] = useState<AnnotationShape[]>([...initial]);
  const [tool, setTool] = useState<AnnotationKind>('ellipse');
  const [color, setColor] = useState<Color>(DEFAULT_ANNOTATION_COLOR);
  const [draft, setDraft] = useState<AnnotationShape | null>(null);
  // Marks drawn and not yet saved are asked about before the window closes or reloads.
  useLeaveGuard(shapes.length !== initial.length || shapes.some((shape, i) => shape !== initial[i]));
  const [textPoint, setTextPoint] = useState<Point | null>(null);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const start = useRef<Point | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        setShapes((all) => all.slice(0, -1));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pointOf = (event: ReactPointerEvent<HTMLDivElement>): Point => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: (event.clientX - box.left) / box.width, y: (event.clientY - box.top) / box.height };
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (tool === 'text') {
      setTextPoint(pointOf(event));
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    start.current = pointOf(event);
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!start.current || tool === 'text') return;
    setDraft(shapeFromDrag(tool, start.current, pointOf(event), color));
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!start.current || tool === 'text') return;
    const shape = shapeFromDrag(tool, start.current, pointOf(event), color);
    start.current = null;
    setDraft(null);
    if (shape) setShapes((all) => [...all, shape]);
  };

  const placeText = () => {
    if (!textPoint) return;
    const shape = textAt(textPoint, text, color);
    if (shape) setShapes((all) => [...all, shape]);
    setText('');
    setTextPoint(null);
  };

  const save = async () => {
    setSaving(true);
    try {
      await photoActions(db).annotate(photo, shapes);
      void message.success(t('annotate.saved'));
      onDone();
    } catch (error) {
      void message.error(errorContent(describeFailure(error, t, 'annotate.failed')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('annotate.hint')}</Typography.Text>
      <Space wrap>
        <Radio.Group
          aria-label={t('annotate.tools')}
          optionType="button"
          value={tool}
          onChange={(e) => setTool(e.target.value as AnnotationKind)}
          options={TOOLS.map((k) => ({ value: k, label: t(`annotate.${k}`) }))}
        />
        <Radio.Group
          aria-label={t('annotate.color')}
          value={color}
          onChange={(e) => setColor(e.target.value as Color)}
        >
          {ANNOTATION_COLORS.map((c) => (
            <Radio.Button key={c} value={c} aria-label={c} style={{ padding: '0 8px' }}>
              <span
                style={{
                  display: 'inline-block',
                  width: 16,
                  height: 16,
                  marginTop: 7,
                  borderRadius: 8,
                  background: c,
                  border: '1px solid #8c8c8c',
                }}
              />
            </Radio.Button>
          ))}
        </Radio.Group>
        <Tooltip title="Ctrl+Z">
          <Button disabled={shapes.length === 0} onClick={() => setShapes((all) => all.slice(0, -1))}>
            {t('annotate.undo')}
          </Button>
        </Tooltip>
        <Button disabled={shapes.length === 0} onClick={() => setShapes([])}>
          {t('annotate.clear')}
        </Button>
        <Typography.Text data-testid="annotation-count">
          {t('annotate.count', { count: shapes.length })}
        </Typography.Text>
      </Space>
      {textPoint && (
        <Space.Compact style={{ width: '100%', maxWidth: 480 }}>
          <Input
            autoFocus
            aria-label={t('annotate.textPrompt')}
            placeholder={t('annotate.textPlaceholder')}
            maxLength={200}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={placeText}
          />
          <Button type="primary" onClick={placeText}>
            {t('annotate.addText')}
          </Button>
        </Space.Compact>
      )}
      <div style={{ display: 'flex', justifyContent: 'center' }}>
        <div
          role="application"
          aria-label={t('annotate.layer')}
          data-testid="annotation-surface"
          style={{ position: 'relative', width, height, cursor: 'crosshair', touchAction: 'none' }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            start.current = null;
            setDraft(null);
          }}
        >
          <img src={url} alt={photo.fileName} draggable={false} style={{ width, height, display: 'block' }} />
          <AnnotationLayer shapes={draft ? [...shapes, draft] : shapes} width={width} height={height} />
        </div>
      </div>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onDone}>{t('annotate.cancel')}</Button>
        <Button type="primary" loading={saving} onClick={() => void save()}>
          {t('annotate.save')}
        </Button>
      </Space>
    </Space>
  );
}

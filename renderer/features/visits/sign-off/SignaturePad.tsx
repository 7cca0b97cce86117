// A signature pad: draw with a mouse, a finger or a pen (Pointer Events, with the pen's pressure),
// undo the last stroke, clear; the signature leaves as a PNG at the screen's pixel density.
import { Button, Space, Typography } from 'antd';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawStrokes, hasInk, type Stroke } from './strokes';

export interface SignaturePadHandle {
  /** The signature as PNG on white, or null when nothing was drawn. */
  toPng: () => Promise<Blob | null>;
}

const WIDTH = 560;
const HEIGHT = 200;

export const SignaturePad = forwardRef<SignaturePadHandle, { onInkChange?: (hasInk: boolean) => void }>(
  function SignaturePad({ onInkChange }, ref) {
    const { t } = useTranslation();
    const canvasRef = useRef<HTMLCanvasElement>(null);
    const [strokes, setStrokes] = useState<Stroke[]>([]);
    const current = useRef<Stroke | null>(null);
    const ratio = typeof window === 'undefined' ? 1 : Math.max(1, window.devicePixelRatio || 1);

    const redraw = useCallback(
      (all: readonly Stroke[]) => {
        const canvas = canvasRef.current;
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx) return;
        ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, 0, WIDTH, HEIGHT);
        drawStrokes(ctx, all);
      },
      [ratio],
    );

    useEffect(() => {
      redraw(strokes);
      onInkChange?.(hasInk(strokes));
    }, [strokes, redraw, onInkChange]);

    useImperativeHandle(ref, () => ({
      toPng: () =>
        new Promise((resolve) => {
          const canvas = canvasRef.current;
          if (!canvas || !hasInk(strokes)) return resolve(null);
          canvas.toBlob((blob) => resolve(blob), 'image/png');
        }),
    }));

    /** A pointer position in the pad's own units, with the pen's pressure (mouse and touch: 0.5). */
    const inkAt = (event: PointerEvent, box: DOMRect) => ({
      x: ((event.clientX - box.left) / box.width) * WIDTH,
      y: ((event.clientY - box.top) / box.height) * HEIGHT,
      pressure: event.pointerType === 'pen' ? event.pressure : 0.5,
    });
    const point = (event: React.PointerEvent<HTMLCanvasElement>) =>
      inkAt(event.nativeEvent, event.currentTarget.getBoundingClientRect());

    const onPointerDown = (event: React.PointerEvent<HTMLCanvasElement>) => {
      event.currentTarget.setPointerCapture(event.pointerId);
      current.current = [point(event)];
      const ctx = canvasRef.current?.getContext('2d');
      if (ctx) drawStrokes(ctx, [current.current]);
    };
    const onPointerMove = (event: React.PointerEvent<HTMLCanvasElement>) => {
      const stroke = current.current;
      if (!stroke) return;
      // Coalesced events keep fast pen strokes smooth where the browser batches them.
      const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
      const box = event.currentTarget.getBoundingClientRect();
      const next = events.length > 0 ? events.map((e) => inkAt(e, box)) : [point(event)];
      const last = stroke.at(-1);
      stroke.push(...next);
      const ctx = canvasRef.current?.getContext('2d');
      if (ctx && last) drawStrokes(ctx, [[last, ...next]]);
    };
    const onPointerUp = () => {
      const stroke = current.current;
      current.current = null;
      if (stroke && stroke.length > 0) setStrokes((all) => [...all, stroke]);
    };

    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <canvas
          ref={canvasRef}
          width={WIDTH * ratio}
          height={HEIGHT * ratio}
          role="img"
          aria-label={t('signOff.padLabel')}
          data-testid="signature-pad"
          style={{
            width: '100%',
            maxWidth: WIDTH,
            aspectRatio: `${WIDTH} / ${HEIGHT}`,
            border: '1px dashed #8c8c8c',
            borderRadius: 6,
            touchAction: 'none',
            cursor: 'crosshair',
            background: '#fff',
          }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        />
        <Space style={{ width: '100%', justifyContent: 'space-between' }}>
          <Typography.Text type="secondary">{t('signOff.padHint')}</Typography.Text>
          <Space>
            <Button disabled={strokes.length === 0} onClick={() => setStrokes((all) => all.slice(0, -1))}>
              {t('signOff.undo')}
            </Button>
            <Button disabled={strokes.length === 0} onClick={() => setStrokes([])}>
              {t('signOff.clear')}
            </Button>
          </Space>
        </Space>
      </Space>
    );
  },
);

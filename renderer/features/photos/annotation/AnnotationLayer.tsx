// Draws a photo's marks as SVG over the picture, at whatever size the picture is shown; the picture
// itself is never drawn on.
import type { AnnotationShape } from '../../../../shared/domain/photo-annotation';
import { arrowHead, strokeWidth } from './geometry';

interface Props {
  shapes: readonly AnnotationShape[];
  width: number;
  height: number;
  label?: string;
}

export function AnnotationLayer({ shapes, width, height, label }: Props) {
  const line = strokeWidth(width, height);
  const fontSize = Math.max(12, Math.min(width, height) * 0.05);
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      data-testid="annotation-layer"
      data-shapes={shapes.length}
      style={{ position: 'absolute', left: 0, top: 0, pointerEvents: 'none', overflow: 'visible' }}
    >
      {shapes.map((shape, i) => (
        <ShapeView key={i} shape={shape} width={width} height={height} line={line} fontSize={fontSize} />
      ))}
    </svg>
  );
}

function ShapeView(props: {
  shape: AnnotationShape;
  width: number;
  height: number;
  line: number;
  fontSize: number;
}) {
  const { shape, width: w, height: h, line, fontSize } = props;
  const common = { stroke: shape.color, strokeWidth: line, fill: 'none' } as const;
  switch (shape.kind) {
    case 'arrow': {
      const [x1, y1, x2, y2] = [shape.x1 * w, shape.y1 * h, shape.x2 * w, shape.y2 * h];
      const [a, b] = arrowHead(x1, y1, x2, y2, line * 5);
      return (
        <g data-kind="arrow">
          <line x1={x1} y1={y1} x2={x2} y2={y2} {...common} strokeLinecap="round" />
          <polygon points={`${x2},${y2} ${a.x},${a.y} ${b.x},${b.y}`} fill={shape.color} />
        </g>
      );
    }
    case 'ellipse':
      return (
        <ellipse
          data-kind="ellipse"
          cx={(shape.x + shape.w / 2) * w}
          cy={(shape.y + shape.h / 2) * h}
          rx={(shape.w / 2) * w}
          ry={(shape.h / 2) * h}
          {...common}
        />
      );
    case 'rect':
      return (
        <rect
          data-kind="rect"
          x={shape.x * w}
          y={shape.y * h}
          width={shape.w * w}
          height={shape.h * h}
          {...common}
        />
      );
    case 'text':
      return (
        <text
          data-kind="text"
          x={shape.x * w}
          y={shape.y * h}
          fill={shape.color}
          fontSize={fontSize}
          fontWeight={700}
          dominantBaseline="hanging"
          // A light outline keeps red text readable on dark and busy photos.
          stroke="rgba(255,255,255,0.85)"
          strokeWidth={fontSize / 8}
          paintOrder="stroke"
        >
          {shape.text}
        </text>
      );
  }
}

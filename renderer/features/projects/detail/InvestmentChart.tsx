// 累计完成投资 over successive visits, as a small line chart drawn in SVG (no chart library needed).
import { type Fen, formatWan } from '../../../../shared/domain/money';
import { useTranslation } from 'react-i18next';
import type { InvestmentPoint } from '../../../../shared/figures';

const W = 560;
const H = 160;
const PAD = { left: 56, right: 16, top: 16, bottom: 28 };

export function InvestmentChart({ points, label }: { points: readonly InvestmentPoint[]; label: string }) {
  const { t } = useTranslation();
  if (points.length === 0) return null;
  const max = Math.max(...points.map((p) => p.reportedInvestment), 1);
  const x = (i: number) =>
    PAD.left + (points.length === 1 ? 0 : (i / (points.length - 1)) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const path = points
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.reportedInvestment).toFixed(1)}`)
    .join(' ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ maxWidth: W }}>
      <line x1={PAD.left} x2={W - PAD.right} y1={H - PAD.bottom} y2={H - PAD.bottom} stroke="#d9d9d9" />
      <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="11" fill="#8c8c8c">
        {formatWan(max as Fen, 0)}
      </text>
      <text x={PAD.left - 6} y={H - PAD.bottom} textAnchor="end" fontSize="11" fill="#8c8c8c">
        0
      </text>
      <path d={path} fill="none" stroke="#b71c1c" strokeWidth="2" />
      {points.map((p, i) => (
        <g key={p.date}>
          <circle cx={x(i)} cy={y(p.reportedInvestment)} r="3.5" fill="#b71c1c">
            <title>{`${p.date}: ${formatWan(p.reportedInvestment, 2)} ${t('shell.wan')}`}</title>
          </circle>
          {(i === 0 || i === points.length - 1) && (
            <text x={x(i)} y={H - 8} textAnchor={i === 0 ? 'start' : 'end'} fontSize="11" fill="#8c8c8c">
              {p.date}
            </text>
          )}
        </g>
      ))}
    </svg>
  );
}

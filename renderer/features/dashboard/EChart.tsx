// One ECharts chart in a React page. The chart is a picture for sighted users; its text alternative is the
// aria-label (a summary of the figures it draws) and the tables beside it, which hold the same figures
// as links.
import { type CSSProperties, useEffect, useRef } from 'react';
import { type ChartOption, init } from './echarts';

type Chart = ReturnType<typeof init>;

export interface ChartPoint {
  seriesIndex: number;
  dataIndex: number;
}

export function EChart(props: {
  option: ChartOption;
  /** A summary of what the chart shows, for screen readers. */
  label: string;
  onPick?: (point: ChartPoint) => void;
  height: number;
  testId?: string;
  style?: CSSProperties;
}) {
  const { option, onPick } = props;
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<Chart | null>(null);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onPick) return;
    const handler = (params: { seriesIndex?: number; dataIndex?: number }) => {
      if (params.seriesIndex !== undefined && params.dataIndex !== undefined)
        onPick({ seriesIndex: params.seriesIndex, dataIndex: params.dataIndex });
    };
    instance.on('click', handler);
    return () => {
      instance.off('click', handler);
    };
  }, [onPick]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
      style={{ width: '100%', height: props.height, ...props.style }}
    />
  );
}

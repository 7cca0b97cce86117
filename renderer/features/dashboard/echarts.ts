// ECharts with only what the dashboard draws: bar and line charts on a grid, with tooltips and a legend,
// rendered as SVG (sharp at any zoom and in screenshots). Importing from 'echarts/core' keeps the rest
// of ECharts out of the bundle; this module is reached only from the lazy dashboard page.
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use as register } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// (Renamed on import: ECharts' `use` registers parts; it is not React's `use` hook.)
register([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export { init };

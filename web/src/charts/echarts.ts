import { BarChart, HeatmapChart, LinesChart, MapChart, SankeyChart } from 'echarts/charts';
import type {
  BarSeriesOption,
  HeatmapSeriesOption,
  LinesSeriesOption,
  MapSeriesOption,
  SankeySeriesOption,
} from 'echarts/charts';
import {
  BrushComponent,
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import type {
  BrushComponentOption,
  DataZoomComponentOption,
  GeoComponentOption,
  GridComponentOption,
  LegendComponentOption,
  ToolboxComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

/**
 * Only the parts of ECharts the views draw with are registered, so the bundle carries no others.
 * The canvas draws on screen (and gives the PNG); the SVG renderer redraws a chart as vectors for
 * the SVG export.
 */
echarts.use([
  BarChart,
  HeatmapChart,
  LinesChart,
  MapChart,
  SankeyChart,
  BrushComponent,
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  ToolboxComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
  SVGRenderer,
]);

/** What a view may put in a chart: the registered series and components, type-checked. */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | LinesSeriesOption
  | MapSeriesOption
  | SankeySeriesOption
  | BrushComponentOption
  | DataZoomComponentOption
  | GeoComponentOption
  | GridComponentOption
  | LegendComponentOption
  | ToolboxComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export type ChartInstance = echarts.ECharts;

/** Geometry a map series draws, registered under the name its option uses. */
export type ChartMap = Parameters<typeof echarts.registerMap>[1];

/** A mark's event: which series, which item (its name and, for views that set one, its data). */
export type ChartEvent = echarts.ECElementEvent;

export { echarts };

import { echarts, type ChartInstance, type ChartOption } from './echarts';

// The pictures need ECharts itself, so they live apart from the CSV and the query text: the chart
// panel loads this module on a click, and the views' own code stays free of ECharts.

/** The chart as on screen, on white, at twice its pixels so it stays sharp in a report. */
export function pngOf(chart: ChartInstance): Blob {
  const url = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' });
  const base64 = url.slice(url.indexOf(',') + 1);
  const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

/**
 * The chart redrawn as vectors by ECharts' SVG renderer, off screen, at the size it has on screen.
 * Animation is off so the SVG holds the finished picture, not its first frame.
 */
export function svgOf(option: ChartOption, width: number, height: number): string {
  const offscreen = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    offscreen.setOption({ ...option, animation: false });
    return offscreen.renderToSVGString();
  } finally {
    offscreen.dispose();
  }
}

import { useEffect, useRef } from 'react';
import {
  echarts,
  type ChartEvent,
  type ChartInstance,
  type ChartMap,
  type ChartOption,
} from './echarts';

/** What a view hears from its chart: a click on a mark, a brushed range. */
export interface ChartHandlers {
  onClick?: (event: ChartEvent) => void;
  /** The brushed x range as [first, last] category indexes; null when the brush is cleared. */
  onBrush?: (range: [number, number] | null) => void;
}

interface ChartProps extends ChartHandlers {
  option: ChartOption;
  /** What the chart shows, for screen readers (its numbers are in the table view). */
  label: string;
  height: number;
  /** Hands the view the live chart (for the PNG), or null once it is gone. */
  onInstance?: (chart: ChartInstance | null) => void;
  /** Map geometry by the name the option gives it, registered before the chart first draws. */
  maps?: Readonly<Record<string, ChartMap>>;
}

interface BrushSelection {
  areas?: { coordRange?: unknown }[];
}

/**
 * The first brushed area's range on the category axis, if there is one. ECharts' `brushEnd` event
 * carries the areas itself; a `batch` of them is what `brushselected` carries, read as before.
 */
function brushedRange(event: unknown): [number, number] | null {
  const selection = event as BrushSelection & { batch?: BrushSelection[] };
  const areas = selection.areas ?? selection.batch?.[0]?.areas ?? [];
  const range = areas[0]?.coordRange;
  if (!Array.isArray(range) || range.length !== 2) return null;
  const [first, last] = range as unknown[];
  return typeof first === 'number' && typeof last === 'number' ? [first, last] : null;
}

/**
 * One ECharts canvas: created once, given each new option whole (`notMerge`, so a series that
 * went away is gone), resized with its box, disposed with the component.
 */
export function Chart({ option, label, height, onInstance, onClick, onBrush, maps }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);
  const handlers = useRef<ChartHandlers>({});
  useEffect(() => {
    handlers.current = { onClick, onBrush };
  }, [onClick, onBrush]);

  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    for (const [name, geometry] of Object.entries(maps ?? {})) {
      // Typed `any` by ECharts: only whether a map of that name is registered matters here.
      const registered: unknown = echarts.getMap(name);
      if (registered == null) echarts.registerMap(name, geometry);
    }
    const instance = echarts.init(element, null, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => handlers.current.onClick?.(event));
    instance.on('brushEnd', (event) => handlers.current.onBrush?.(brushedRange(event)));
    const resize = new ResizeObserver(() => {
      instance.resize();
    });
    resize.observe(element);
    onInstance?.(instance);
    return () => {
      resize.disconnect();
      onInstance?.(null);
      chart.current = null;
      instance.dispose();
    };
    // The chart lives as long as its box; a new `onInstance` or `maps` does not make a new chart.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} className="chart" role="img" aria-label={label} style={{ height }} />;
}

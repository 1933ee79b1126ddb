import { useEffect, useState, type ComponentProps } from 'react';
import type { Chart as ChartComponent } from './Chart';

// ECharts is most of a chart view's code. Loaded apart, it comes down beside the view's query
// instead of before it: on a busy machine the query was waiting for the chart library to be read.

type ChartModule = typeof import('./Chart');

let loaded: ChartModule | null = null;
let loading: Promise<ChartModule> | null = null;

/** The chart's module, loaded once; a failed load is tried again by the next chart. */
function chartModule(): Promise<ChartModule> {
  loading ??= import('./Chart').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Starts loading the chart library, for a view that is about to draw a chart. */
export function preloadChart(): void {
  // A failure here is met again, and shown, by the chart that needs the library.
  chartModule().catch(() => undefined);
}

type ChartProps = ComponentProps<typeof ChartComponent>;

/**
 * The chart once ECharts is there; until then, an empty box of the chart's size. Not a Suspense
 * boundary: React holds back a boundary's content for up to 300 ms after its fallback, which
 * delayed every chart by that much although the library had usually loaded before the answer.
 */
export function LazyChart(props: ChartProps) {
  const [module, setModule] = useState<ChartModule | null>(loaded);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (module === null)
      chartModule().then(setModule, (error: unknown) => {
        setFailure(error instanceof Error ? error.message : String(error));
      });
  }, [module]);
  if (failure !== null)
    return (
      <p className="state state-error" role="alert">
        The chart could not be loaded ({failure}): reload the page to try again. Its numbers are
        under the Table button.
      </p>
    );
  if (module === null)
    return <div className="chart" aria-busy="true" style={{ height: props.height }} />;
  return <module.Chart {...props} />;
}

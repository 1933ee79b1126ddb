import { useRef, useState, type ReactNode } from 'react';
import { download } from '../graph/download';
import type { ChartHandlers } from './Chart';
import { csvOf, queryTextOf, type ChartQuery, type ChartTable } from './chart-files';
import { ChartTableView } from './ChartTableView';
import type { ChartInstance, ChartMap, ChartOption } from './echarts';
import { LazyChart } from './LazyChart';

/** The pictures' module, loaded on a click (by then the chart has loaded ECharts). */
const chartImages = () => import('./chart-images');

interface ChartPanelProps extends ChartHandlers {
  title: string;
  /** The downloads' name, without extension. */
  fileName: string;
  option: ChartOption;
  table: ChartTable;
  query: ChartQuery;
  height?: number;
  /** Controls of the view's own (how many rows, how to group), shown above the chart. */
  controls?: ReactNode;
  /** Map geometry the option draws, by name (see Chart). */
  maps?: Readonly<Record<string, ChartMap>>;
}

/**
 * A chart with what every chart offers: PNG and SVG of the picture, CSV of its numbers, the
 * GraphQL query that produced it, and the same numbers as a table (a toggle, for screen readers
 * and for reading exact values).
 */
export function ChartPanel(props: ChartPanelProps) {
  const { title, fileName, option, table, query, height = 480, controls } = props;
  const chart = useRef<ChartInstance | null>(null);
  const [asTable, setAsTable] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** The query's text, shown to copy by hand when the browser refuses the clipboard. */
  const [uncopied, setUncopied] = useState<string | null>(null);
  const headingId = `${fileName}-title`;

  const exportPng = async () => {
    const { pngOf } = await chartImages();
    if (chart.current) download(pngOf(chart.current), `${fileName}.png`, 'image/png');
  };
  const exportSvg = async () => {
    const { svgOf } = await chartImages();
    const element = chart.current?.getDom();
    const width = element?.clientWidth ?? 960;
    download(
      svgOf(option, width, element?.clientHeight ?? height),
      `${fileName}.svg`,
      'image/svg+xml',
    );
  };
  const copyQuery = () => {
    const text = queryTextOf(query);
    navigator.clipboard.writeText(text).then(
      () => {
        setUncopied(null);
        setNotice('The GraphQL query is copied.');
      },
      () => {
        setUncopied(text);
        setNotice('The browser refused the clipboard: copy the query from the box below.');
      },
    );
  };

  return (
    <section className="panel chart-panel" aria-labelledby={headingId}>
      <div className="chart-head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-actions" role="toolbar" aria-label={`${title}: export`}>
          <button
            type="button"
            disabled={asTable}
            onClick={() => {
              void exportPng();
            }}
          >
            PNG
          </button>
          <button
            type="button"
            onClick={() => {
              void exportSvg();
            }}
          >
            SVG
          </button>
          <button
            type="button"
            onClick={() => {
              download(csvOf(table), `${fileName}.csv`, 'text/csv');
            }}
          >
            CSV
          </button>
          <button type="button" onClick={copyQuery}>
            Copy GraphQL query
          </button>
          <button
            type="button"
            aria-pressed={asTable}
            onClick={() => {
              setAsTable(!asTable);
            }}
          >
            Table
          </button>
        </div>
      </div>
      {controls}
      {notice && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      {uncopied !== null && (
        <textarea className="query-text" readOnly aria-label="GraphQL query" value={uncopied} />
      )}
      {asTable ? (
        <ChartTableView caption={title} table={table} />
      ) : (
        <LazyChart
          option={option}
          label={`${title} (the Table button shows its numbers)`}
          height={height}
          onInstance={(instance) => {
            chart.current = instance;
          }}
          onClick={props.onClick}
          onBrush={props.onBrush}
          maps={props.maps}
        />
      )}
    </section>
  );
}

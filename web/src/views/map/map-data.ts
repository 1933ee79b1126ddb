// With their extensions: the unit tests type-check this module under the server's NodeNext resolution.
import type { ChartTable } from '../../charts/chart-files.js';
import type { ChartOption } from '../../charts/echarts.js';

export interface Place {
  code: string;
  name: string;
}

/** What the map shades: the countries the incidents affected, or the origins of their actors. */
export type Shading = 'affected' | 'origins';
export const shadings: readonly [Shading, ...Shading[]] = ['affected', 'origins'];

/** One shaded country: its code (the map's region name), its name, its incidents. */
export interface ShadedCountry extends Place {
  value: number;
}

export interface Shade {
  shading: Shading;
  countries: ShadedCountry[];
  /** What `value` counts, for the legend, the table's heading and the CSV. */
  measure: string;
  /** Countries counted but without a shape at the atlas's scale (small states): listed apart. */
  tooSmall: ShadedCountry[];
}

/**
 * A count connection's edges as the map's shade: `topCountries` (the incidents that affected
 * each country) or `topOrigins` (the incidents of the actors claimed to come from it), both
 * counted by the API, busiest first.
 */
export function countryShade(
  shading: Shading,
  edges: readonly { incidentCount: number; node: Place }[],
  onMap: ReadonlySet<string>,
): Shade {
  const countries = edges.map(({ incidentCount, node }) => ({
    code: node.code,
    name: node.name,
    value: incidentCount,
  }));
  return {
    shading,
    countries,
    measure: shading === 'affected' ? 'Incidents' : 'Incidents by its actors',
    tooSmall: countries.filter((country) => !onMap.has(country.code)),
  };
}

/** The shade as a table: what the Table toggle shows and the CSV holds. */
export function shadeTable(shade: Shade): ChartTable {
  return {
    columns: [shade.shading === 'affected' ? 'Country' : 'Origin', 'Code', shade.measure],
    rows: shade.countries.map((c) => [c.name, c.code, c.value]),
  };
}

/** A cross-border line as the map reads it. */
export interface BorderLine {
  origin: Place | null;
  affectedCountry: Place;
  incidentCount: number;
}

/** One arc: an origin → affected-country pair and the incidents of its lines. */
export interface Arc {
  from: Place;
  to: Place;
  /** Summed over the pair's lines (actor × sector): an incident hitting two sectors counts twice. */
  incidents: number;
  lines: number;
}

/**
 * The lines aggregated per origin → affected pair, most incidents first. Lines of unknown origin
 * have no start; pairs where either end has no centroid (no shape at this scale) have no arc
 * either: both are returned apart so the view can say so.
 */
export function arcsOf(
  lines: readonly BorderLine[],
  centroids: ReadonlyMap<string, [number, number]>,
): { arcs: Arc[]; offMap: Arc[]; unknownOrigin: number } {
  const pairs = new Map<string, Arc>();
  let unknownOrigin = 0;
  for (const line of lines) {
    if (line.origin === null) {
      unknownOrigin += 1;
      continue;
    }
    const id = `${line.origin.code}→${line.affectedCountry.code}`;
    const arc = pairs.get(id) ?? {
      from: line.origin,
      to: line.affectedCountry,
      incidents: 0,
      lines: 0,
    };
    arc.incidents += line.incidentCount;
    arc.lines += 1;
    pairs.set(id, arc);
  }
  const all = [...pairs.values()].sort(
    (a, b) =>
      b.incidents - a.incidents ||
      `${a.from.code}${a.to.code}`.localeCompare(`${b.from.code}${b.to.code}`),
  );
  const drawn = (arc: Arc) => centroids.has(arc.from.code) && centroids.has(arc.to.code);
  return { arcs: all.filter(drawn), offMap: all.filter((arc) => !drawn(arc)), unknownOrigin };
}

/** The world's box, Antarctica left out: fixed, so a country's place on screen is predictable. */
export const WORLD_BOUNDS: [[number, number], [number, number]] = [
  [-180, 84],
  [180, -58],
];

/** The box around the given countries' boxes, or the world's when none is known. */
export function boundsAround(
  codes: readonly string[],
  bounds: ReadonlyMap<string, [[number, number], [number, number]]>,
): [[number, number], [number, number]] {
  const boxes = codes.flatMap((code) => {
    const box = bounds.get(code);
    return box ? [box] : [];
  });
  if (boxes.length === 0) return WORLD_BOUNDS;
  return [
    [Math.min(...boxes.map((b) => b[0][0])), Math.max(...boxes.map((b) => b[0][1]))],
    [Math.max(...boxes.map((b) => b[1][0])), Math.min(...boxes.map((b) => b[1][1]))],
  ];
}

export const MAP_NAME = 'world';
/** Above and below the map, in pixels. */
export const MAP_MARGIN = 10;

/** The choropleth, its colour scale, and the arcs from origin to affected country. */
export function mapOption(
  shade: Shade,
  arcs: readonly Arc[],
  centroids: ReadonlyMap<string, [number, number]>,
  box: [[number, number], [number, number]],
): ChartOption {
  const names = new Map(shade.countries.map((c) => [c.code, c.name]));
  const max = Math.max(1, ...shade.countries.map((c) => c.value));
  const widest = Math.max(1, ...arcs.map((arc) => arc.incidents));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const code = item?.name ?? '';
        const value = typeof item?.value === 'number' && !Number.isNaN(item.value) ? item.value : 0;
        return `${names.get(code) ?? code}: ${value} ${shade.measure.toLowerCase()}`;
      },
    },
    // The arcs can be hidden from the legend, to read the shading under them.
    legend: { data: ['Cross-border arcs'], right: 10, top: 10 },
    visualMap: {
      type: 'continuous',
      min: 0,
      max,
      left: 10,
      bottom: 10,
      text: [`${max} ${shade.measure.toLowerCase()}`, '0'],
      calculable: true,
      seriesIndex: 0,
      inRange: { color: ['#e8f1fa', '#1f5fa3'] },
    },
    geo: {
      map: MAP_NAME,
      boundingCoords: box,
      // As large as fits in the chart less a margin (ECharts would take 80%), centred.
      left: MAP_MARGIN,
      right: MAP_MARGIN,
      top: MAP_MARGIN,
      bottom: MAP_MARGIN,
      preserveAspect: 'contain',
      roam: true,
      itemStyle: { areaColor: '#f2f2f2', borderColor: '#999', borderWidth: 0.5 },
      emphasis: { itemStyle: { areaColor: '#f6c453' }, label: { show: false } },
    },
    series: [
      {
        type: 'map',
        name: shade.measure,
        geoIndex: 0,
        data: shade.countries.map((c) => ({ name: c.code, value: c.value })),
      },
      {
        type: 'lines',
        name: 'Cross-border arcs',
        coordinateSystem: 'geo',
        // Arcs end on the countries' centroids: a click there is meant for the country. Their
        // numbers are in the arcs' table.
        silent: true,
        lineStyle: { color: '#c0392b', opacity: 0.55, curveness: 0.25 },
        data: arcs.flatMap((arc) => {
          const from = centroids.get(arc.from.code);
          const to = centroids.get(arc.to.code);
          if (!from || !to) return [];
          return [{ coords: [from, to], lineStyle: { width: 1 + (5 * arc.incidents) / widest } }];
        }),
      },
    ],
  };
}

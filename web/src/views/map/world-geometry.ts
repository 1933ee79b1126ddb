// With their extensions: the unit tests type-check this module under the server's NodeNext resolution.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import isoCountries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** A country's shape, named by its alpha-2 code: the name ECharts' map matches data by. */
export type CountryShape = Feature<Polygon | MultiPolygon, { name: string }>;

export interface World {
  geoJson: FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  /** Where a country's arcs start and end: the centroid of its largest polygon, [lng, lat]. */
  centroids: ReadonlyMap<string, [number, number]>;
  /** The box of a country's largest polygon: [[west, north], [east, south]]. */
  bounds: ReadonlyMap<string, [[number, number], [number, number]]>;
}

/**
 * Shapes the atlas gives without an ISO number. Kosovo goes by XK, the code the data sets use;
 * Northern Cyprus and Somaliland have no code and keep their own names (drawn, never shaded).
 */
const unnumbered: Record<string, string> = { Kosovo: 'XK' };

/** ISO 3166-1 numeric (world-atlas's ids, "004") → alpha-2 ("AF"); null when there is none. */
export function alpha2OfNumeric(numeric: string | number | undefined): string | null {
  if (numeric === undefined) return null;
  return isoCountries.numericToAlpha2(numeric) ?? null;
}

const nameOf = (id: string | number | undefined, name: string): string =>
  alpha2OfNumeric(id) ?? unnumbered[name] ?? name;

/** Twice the signed area of a ring (shoelace), in degrees². */
function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [x1 = 0, y1 = 0] = ring[j] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** The centroid of a ring, as a flat polygon in lng/lat (close enough to place an arc's end). */
export function ringCentroid(ring: readonly Position[]): [number, number] {
  const area = ringArea(ring);
  if (area === 0) {
    const [x = 0, y = 0] = ring[0] ?? [];
    return [x, y];
  }
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [x1 = 0, y1 = 0] = ring[j] ?? [];
    const [x2 = 0, y2 = 0] = ring[i] ?? [];
    const cross = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  return [cx / (3 * area), cy / (3 * area)];
}

const jumpsAcross = (a: Position | undefined, b: Position | undefined): boolean =>
  Math.abs((a?.[0] ?? 0) - (b?.[0] ?? 0)) > 180;

/**
 * A ring that crosses the antimeridian (Russia's east, Fiji) jumps from 180° to -180°, which the
 * map would draw as a stripe across the world: its western points are moved past 180° instead.
 * A ring around a pole (Antarctica) crosses once: it is closed along the pole.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const jumps = ring.filter((point, i) => i > 0 && jumpsAcross(ring[i - 1], point)).length;
  if (jumps === 0) return [...ring];
  if (jumps % 2 === 0) return ring.map(([x = 0, y = 0]) => [x < 0 ? x + 360 : x, y]);
  return ring.flatMap((point, i) => {
    const next = ring[i + 1];
    if (!jumpsAcross(point, next)) return [point];
    const pole = (point[1] ?? 0) < 0 ? -90 : 90;
    return [point, [point[0] ?? 0, pole], [next?.[0] ?? 0, pole]];
  });
}

function unwrapped(shape: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (shape.type === 'Polygon')
    return { type: 'Polygon', coordinates: shape.coordinates.map(unwrapRing) };
  return {
    type: 'MultiPolygon',
    coordinates: shape.coordinates.map((polygon) => polygon.map(unwrapRing)),
  };
}

/** The outer ring of the largest polygon: the mainland, not an overseas island. */
function mainRing(shape: Polygon | MultiPolygon): Position[] {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  let best: Position[] = [];
  for (const polygon of polygons) {
    const outer = polygon[0] ?? [];
    if (Math.abs(ringArea(outer)) > Math.abs(ringArea(best))) best = outer;
  }
  return best;
}

function boxOf(ring: readonly Position[]): [[number, number], [number, number]] {
  const xs = ring.map((p) => p[0] ?? 0);
  const ys = ring.map((p) => p[1] ?? 0);
  return [
    [Math.min(...xs), Math.max(...ys)],
    [Math.max(...xs), Math.min(...ys)],
  ];
}

interface AtlasProperties {
  name: string;
}

/** The atlas's TopoJSON as GeoJSON named by alpha-2 codes, with each country's centroid and box. */
export function worldOf(
  topology: Topology<{ countries: GeometryCollection<AtlasProperties> }>,
): World {
  const collection = feature(topology, topology.objects.countries);
  const shapes: CountryShape[] = [];
  const centroids = new Map<string, [number, number]>();
  const bounds = new Map<string, [[number, number], [number, number]]>();
  for (const country of collection.features) {
    if (country.geometry.type !== 'Polygon' && country.geometry.type !== 'MultiPolygon') continue;
    const geometry = unwrapped(country.geometry);
    const name = nameOf(country.id, country.properties.name);
    shapes.push({ type: 'Feature', properties: { name }, geometry });
    const ring = mainRing(geometry);
    centroids.set(name, ringCentroid(ring));
    bounds.set(name, boxOf(ring));
  }
  return { geoJson: { type: 'FeatureCollection', features: shapes }, centroids, bounds };
}

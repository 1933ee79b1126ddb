import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';
import { worldOf } from './world-geometry';

/**
 * Natural Earth's countries at 1:110m, bundled with the explorer (no request to another host),
 * handed to the chart under the name the map option uses.
 */
// A JSON import is typed by its content (every `type` a plain string), not as TopoJSON, which the
// world-atlas package documents the file to be.
const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

export const world = worldOf(topology);

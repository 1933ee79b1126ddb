import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import {
  arcsOf,
  boundsAround,
  countryShade,
  mapOption,
  shadeTable,
  WORLD_BOUNDS,
} from '../../web/src/views/map/map-data.js';
import { mapAddressOf } from '../../web/src/views/map/map-address.js';
import {
  alpha2OfNumeric,
  ringCentroid,
  unwrapRing,
  worldOf,
} from '../../web/src/views/map/world-geometry.js';

const require = createRequire(import.meta.url);
// The atlas is TopoJSON by its package's documentation; JSON.parse gives it untyped.
const atlas = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const world = worldOf(atlas);

const place = (code: string) => ({ code, name: `Land ${code}` });

describe('the world geometry', () => {
  it('turns ISO numeric ids into alpha-2 codes', () => {
    expect(alpha2OfNumeric('804')).toBe('UA');
    expect(alpha2OfNumeric('036')).toBe('AU');
    expect(alpha2OfNumeric('999')).toBeNull();
    expect(alpha2OfNumeric(undefined)).toBeNull();
  });

  it('names every shape by its alpha-2 code, Kosovo by XK, and keeps the unnumbered ones', () => {
    const names = world.geoJson.features.map((f) => f.properties.name);
    expect(names).toHaveLength(atlas.objects.countries.geometries.length);
    expect(names).toEqual(expect.arrayContaining(['UA', 'RU', 'US', 'XK', 'Somaliland']));
    expect(names.filter((n) => /^[A-Z]{2}$/.test(n)).length).toBeGreaterThan(170);
  });

  it("puts a country's centroid inside its mainland, not between its islands", () => {
    const [lng, lat] = world.centroids.get('UA') ?? [0, 0];
    expect(lng).toBeGreaterThan(22);
    expect(lng).toBeLessThan(40);
    expect(lat).toBeGreaterThan(44);
    expect(lat).toBeLessThan(52);
    const [usLng, usLat] = world.centroids.get('US') ?? [0, 0];
    expect(usLng).toBeGreaterThan(-110);
    expect(usLng).toBeLessThan(-85);
    expect(usLat).toBeGreaterThan(33);
    expect(usLat).toBeLessThan(45);
    expect(world.centroids.has('SG')).toBe(false);
  });

  it('finds the centroid of a square either way round', () => {
    const square = [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
      [0, 0],
    ];
    expect(ringCentroid(square)).toEqual([1, 1]);
    expect(ringCentroid([...square].reverse())).toEqual([1, 1]);
  });
});

describe('the map data', () => {
  const onMap = new Set(['UA', 'RU', 'US']);

  it('shades affected countries and lists those too small for the map', () => {
    const shade = countryShade(
      'affected',
      [
        { incidentCount: 5, node: place('UA') },
        { incidentCount: 1, node: place('SG') },
      ],
      onMap,
    );
    expect(shade.countries.map((c) => [c.code, c.value])).toEqual([
      ['UA', 5],
      ['SG', 1],
    ]);
    expect(shade.tooSmall.map((c) => c.code)).toEqual(['SG']);
    expect(shadeTable(shade)).toEqual({
      columns: ['Country', 'Code', 'Incidents'],
      rows: [
        ['Land UA', 'UA', 5],
        ['Land SG', 'SG', 1],
      ],
    });
  });

  it('shades origins by the incidents of their actors, under a heading that says so', () => {
    const shade = countryShade(
      'origins',
      [
        { incidentCount: 6, node: place('RU') },
        { incidentCount: 2, node: place('KP') },
      ],
      onMap,
    );
    expect(shade.tooSmall.map((c) => c.code)).toEqual(['KP']);
    expect(shadeTable(shade)).toEqual({
      columns: ['Origin', 'Code', 'Incidents by its actors'],
      rows: [
        ['Land RU', 'RU', 6],
        ['Land KP', 'KP', 2],
      ],
    });
  });

  it('aggregates lines per origin → affected pair, busiest first, and sets apart what has no arc', () => {
    const line = (origin: string | null, country: string, incidentCount: number) => ({
      origin: origin === null ? null : place(origin),
      affectedCountry: place(country),
      incidentCount,
    });
    const { arcs, offMap, unknownOrigin } = arcsOf(
      [
        line('RU', 'UA', 3),
        line('RU', 'UA', 2),
        line('RU', 'US', 7),
        line('RU', 'SG', 1),
        line(null, 'UA', 4),
      ],
      world.centroids,
    );
    expect(arcs.map((a) => [a.from.code, a.to.code, a.incidents, a.lines])).toEqual([
      ['RU', 'US', 7, 1],
      ['RU', 'UA', 5, 2],
    ]);
    expect(offMap.map((a) => a.to.code)).toEqual(['SG']);
    expect(unknownOrigin).toBe(1);
  });

  it('zooms to the box around a region’s countries, or shows the world', () => {
    expect(boundsAround([], world.bounds)).toEqual(WORLD_BOUNDS);
    const [[west, north], [east, south]] = boundsAround(['UA', 'PL'], world.bounds);
    expect(west).toBeLessThan(15);
    expect(east).toBeGreaterThan(40);
    expect(north).toBeGreaterThan(52);
    expect(south).toBeLessThan(46);
  });

  it('draws the shade on the geo with a colour scale, and the arcs on top', () => {
    const shade = countryShade('affected', [{ incidentCount: 5, node: place('UA') }], onMap);
    const { arcs } = arcsOf(
      [{ origin: place('RU'), affectedCountry: place('UA'), incidentCount: 5 }],
      world.centroids,
    );
    const option = mapOption(shade, arcs, world.centroids, WORLD_BOUNDS);
    expect(option.visualMap).toMatchObject({ min: 0, max: 5 });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series.map((s) => s.type)).toEqual(['map', 'lines']);
    expect(series[0]?.data).toEqual([{ name: 'UA', value: 5 }]);
    expect(series[1]?.data).toHaveLength(1);
  });
});

describe("the map's address", () => {
  it('shades affected countries unless told origins, and says so of anything else', () => {
    expect(mapAddressOf(new URLSearchParams()).address.shading).toBe('affected');
    expect(mapAddressOf(new URLSearchParams('shade=origins')).address.shading).toBe('origins');
    const bad = mapAddressOf(new URLSearchParams('shade=bogus'));
    expect(bad.address.shading).toBe('affected');
    expect(bad.problems[0]).toMatch(/“bogus”/);
  });
});

describe('shapes across the antimeridian', () => {
  it('moves a crossing ring’s western points past 180°, and closes a ring around a pole along it', () => {
    expect(
      unwrapRing([
        [170, 60],
        [180, 62],
        [-180, 62],
        [-170, 65],
        [-180, 66],
        [180, 66],
        [170, 60],
      ]),
    ).toEqual([
      [170, 60],
      [180, 62],
      [180, 62],
      [190, 65],
      [180, 66],
      [180, 66],
      [170, 60],
    ]);
    expect(
      unwrapRing([
        [-180, -80],
        [0, -70],
        [180, -80],
        [-180, -80],
      ]),
    ).toEqual([
      [-180, -80],
      [0, -70],
      [180, -80],
      [180, -90],
      [-180, -90],
      [-180, -80],
    ]);
  });

  it('gives Russia a centroid in Russia', () => {
    const [lng, lat] = world.centroids.get('RU') ?? [0, 0];
    expect(lng).toBeGreaterThan(60);
    expect(lng).toBeLessThan(120);
    expect(lat).toBeGreaterThan(50);
  });
});

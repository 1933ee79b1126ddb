import { describe, expect, it } from 'vitest';
import {
  crossBorderAddressOf,
  nextPage,
  pageNumber,
  previousPage,
  withSetting,
} from '../../web/src/views/cross-border/cross-border-address.js';
import {
  flowsOf,
  linesTable,
  sankeyOption,
  type CrossBorderLine,
} from '../../web/src/views/cross-border/cross-border-lines.js';

const line = (
  actor: string,
  origin: string | null,
  sector: string,
  country: string,
  incidentCount: number,
): CrossBorderLine => ({
  actor: { key: actor, name: actor.toUpperCase() },
  origin: origin === null ? null : { code: origin, name: `Land ${origin}` },
  sector: { key: sector, name: `Sector ${sector}` },
  affectedCountry: { code: country, name: `Land ${country}` },
  incidentCount,
  firstDate: incidentCount > 0 ? '2022-01-01' : null,
  lastDate: incidentCount > 0 ? '2022-12-31' : null,
  reported: incidentCount === 0,
});

describe('the cross-border flows', () => {
  it('names nodes per column, so a country both origin and affected makes no cycle', () => {
    const flows = flowsOf([line('a', 'RU', 'energy', 'UA', 3), line('b', 'UA', 'energy', 'RU', 2)]);
    expect(flows.nodes.map((n) => n.name).sort()).toEqual(
      [
        'origin:RU',
        'origin:UA',
        'actor:a',
        'actor:b',
        'sector:energy',
        'affected:UA',
        'affected:RU',
      ].sort(),
    );
    expect(flows.nodes.find((n) => n.name === 'affected:RU')).toMatchObject({
      label: 'Land RU',
      page: '/countries/RU',
      depth: 3,
    });
  });

  it('sums the incidents of the lines through each link', () => {
    const flows = flowsOf([
      line('a', 'RU', 'energy', 'UA', 3),
      line('a', 'RU', 'energy', 'PL', 1),
      line('a', 'RU', 'health', 'UA', 2),
    ]);
    const value = (source: string, target: string) =>
      flows.links.find((l) => l.source === source && l.target === target)?.value;
    expect(value('origin:RU', 'actor:a')).toBe(6);
    expect(value('actor:a', 'sector:energy')).toBe(4);
    expect(value('sector:energy', 'affected:UA')).toBe(3);
    expect(value('sector:health', 'affected:UA')).toBe(2);
    expect(flows.links).toHaveLength(6);
  });

  it('flows actors of unknown origin from one "Unknown origin" source, with no page', () => {
    const flows = flowsOf([line('x', null, 'energy', 'UA', 2), line('y', null, 'health', 'US', 1)]);
    const unknown = flows.nodes.filter((n) => n.depth === 0);
    expect(unknown).toEqual([{ name: 'origin:?', label: 'Unknown origin', page: null, depth: 0 }]);
    expect(flows.links.filter((l) => l.source === 'origin:?').map((l) => l.value)).toEqual([2, 1]);
  });

  it('keeps lines without incidents out of the flows but counts them', () => {
    const flows = flowsOf([line('a', 'RU', 'energy', 'UA', 0), line('a', 'RU', 'energy', 'PL', 1)]);
    expect(flows.withoutIncidents).toBe(1);
    expect(flows.nodes.some((n) => n.name === 'affected:UA')).toBe(false);
  });

  it('gives a Sankey whose labels are the names, not the node ids', () => {
    const option = sankeyOption(flowsOf([line('a', 'RU', 'energy', 'UA', 3)]));
    const series = Array.isArray(option.series) ? option.series[0] : option.series;
    expect(series?.type).toBe('sankey');
    const formatter = (series as { label: { formatter: (p: { name: string }) => string } }).label
      .formatter;
    expect(formatter({ name: 'actor:a' })).toBe('A');
  });

  it('tables the known lines, then those of unknown origin', () => {
    const table = linesTable(
      [line('a', 'RU', 'energy', 'UA', 3)],
      [line('x', null, 'oil', 'US', 0)],
    );
    expect(table.columns[0]).toBe('Actor');
    expect(table.rows).toEqual([
      ['A', 'Land RU', 'Sector energy', 'Land UA', 3, '2022-01-01', '2022-12-31', 'no'],
      ['X', 'Unknown origin', 'Sector oil', 'Land US', 0, '', '', 'yes'],
    ]);
  });
});

describe("the cross-border view's address", () => {
  it('takes its defaults, and says which parameter it could not take', () => {
    expect(crossBorderAddressOf(new URLSearchParams())).toEqual({
      address: { first: 25, order: 'INCIDENT_COUNT', basis: 'INCIDENTS', after: null, back: [] },
      problems: [],
    });
    const bad = crossBorderAddressOf(new URLSearchParams('first=7&order=NAME&basis=BOTH'));
    expect(bad.address).toMatchObject({ first: 25, order: 'INCIDENT_COUNT', basis: 'BOTH' });
    expect(bad.problems).toHaveLength(2);
    expect(bad.problems[0]).toMatch(/“7”.*25, 50/);
    // A page size is read as a number, leading zeros and all.
    expect(crossBorderAddressOf(new URLSearchParams('first=050'))).toMatchObject({
      address: { first: 50 },
      problems: [],
    });
  });

  it('pages forward and back through cursors kept in the address', () => {
    const first = new URLSearchParams('sector=energy&first=50');
    const second = nextPage(first, 'c1');
    const third = nextPage(second, 'c2');
    expect(third.get('after')).toBe('c2');
    expect(pageNumber(crossBorderAddressOf(third).address)).toBe(3);
    expect(previousPage(third).toString()).toBe(second.toString());
    expect(previousPage(second).toString()).toBe(first.toString());
  });

  it('goes back to the first page when a setting changes', () => {
    const paged = nextPage(new URLSearchParams('sector=energy'), 'c1');
    expect(withSetting(paged, 'order', 'LAST_DATE').toString()).toBe(
      'sector=energy&order=LAST_DATE',
    );
  });
});

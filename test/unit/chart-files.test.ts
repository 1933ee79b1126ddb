import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { csvOf, queryTextOf } from '../../web/src/charts/chart-files.js';

describe('a chart’s CSV', () => {
  it('holds the header and every row, quoting what needs it and leaving missing cells empty', () => {
    const csv = csvOf({
      columns: ['Actor', 'Sector', 'Incidents'],
      rows: [
        ['Sandworm, "Voodoo Bear"', 'Energy', 3],
        ['APT28', 'Health\nand care', null],
      ],
    });
    expect(parseCsv(csv)).toEqual([
      ['Actor', 'Sector', 'Incidents'],
      ['Sandworm, "Voodoo Bear"', 'Energy', '3'],
      ['APT28', 'Health\nand care', ''],
    ]);
  });
});

describe('a chart’s query text', () => {
  const document = parse(
    'query Matrix($top: Int) { actorSectorMatrix(topActors: $top) { total } }',
  );
  const variables = { top: 5, filter: { sectors: ['health'] } };

  it('is itself a valid GraphQL document, the same operation', () => {
    const text = queryTextOf({ document, variables });
    const reparsed = parse(text);
    expect(reparsed.definitions).toHaveLength(1);
    expect(text).toContain('actorSectorMatrix(topActors: $top)');
  });

  it('carries the variables as comments that read back as the same JSON', () => {
    const text = queryTextOf({ document, variables });
    const commented = text.slice(text.indexOf('# Variables:') + '# Variables:\n'.length);
    const json = commented
      .trimEnd()
      .split('\n')
      .map((line) => line.replace(/^# /, ''))
      .join('\n');
    expect(JSON.parse(json)).toEqual(variables);
  });
});

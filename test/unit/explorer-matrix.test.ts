import { describe, expect, it } from 'vitest';
import {
  cellLabel,
  cellTarget,
  cellTooltip,
  escapeHtml,
  clickedCell,
  labelTarget,
  matrixOption,
  matrixSeries,
  matrixTable,
  matrixView,
  orderedLines,
  REPORTED_MARK,
  type MatrixAnswer,
  type MatrixCell,
  type MatrixView,
} from '../../web/src/views/matrix/matrix-chart.js';
import {
  defaultMatrixSettings,
  matrixSettingsOf,
  withMatrixSetting,
} from '../../web/src/views/matrix/matrix-settings.js';

/** Two actors, two sectors, then `others`: busiest first, as the API answers. */
const answer: MatrixAnswer = {
  actors: [
    { key: 'sandworm', name: 'Sandworm' },
    { key: 'apt28', name: 'APT28' },
  ],
  sectors: [
    { key: 'energy', name: 'Energy' },
    { key: 'health', name: 'Health' },
  ],
  counts: [
    [5, 0, 2],
    [1, 3, 0],
    [4, 0, 6],
  ],
  crossBorderShares: [
    [0.4, null, 1],
    [0, 1 / 3, null],
    [0.25, null, 0.5],
  ],
  reported: [
    [true, true, false],
    [false, false, false],
    [false, false, true],
  ],
  rowTotals: [7, 4, 10],
  columnTotals: [10, 3, 8],
  total: 21,
};

/** The drawn cell of a row and column, by name; the test fails if it is not drawn. */
function cellAt(view: MatrixView, row: string, column: string): MatrixCell {
  const cell = view.cells.find((c) => c.row.name === row && c.column.name === column);
  if (cell === undefined) throw new Error(`no cell ${row} × ${column}`);
  return cell;
}

describe('the matrix’s rows and columns', () => {
  it('keeps the API’s order by total and sorts by name on demand, Others always last', () => {
    expect(orderedLines(answer.actors, 'total').map((l) => l.key)).toEqual([
      'sandworm',
      'apt28',
      null,
    ]);
    const byName = orderedLines(answer.actors, 'name');
    expect(byName.map((l) => [l.name, l.index])).toEqual([
      ['APT28', 1],
      ['Sandworm', 0],
      ['Others', 2],
    ]);
  });

  it('draws cells with incidents or reported victimology, and nothing for an empty one', () => {
    const view = matrixView(answer, 'total');
    const drawn = view.cells.map((c) => `${c.row.name}/${c.column.name}`);
    expect(drawn).toContain('Sandworm/Health'); // no incident, but reported
    expect(drawn).not.toContain('APT28/Others'); // neither
    expect(view.cells).toHaveLength(7);
  });
});

describe('the matrix’s picture', () => {
  const view = matrixView(answer, 'total');

  it('labels a cell with its count, ◆ when reported, and the cross-border share', () => {
    const cell = (row: string, column: string) => cellAt(view, row, column);
    expect(cellLabel(cell('Sandworm', 'Energy'))).toBe(`5 ${REPORTED_MARK}\n40%`);
    expect(cellLabel(cell('APT28', 'Health'))).toBe('3\n33%');
    expect(cellLabel(cell('Sandworm', 'Health'))).toBe(`0 ${REPORTED_MARK}`);
  });

  it('shades shown cells on a scale and draws Others apart, off the scale', () => {
    const [named, others] = matrixSeries(view);
    expect(named.every((c) => c.row.key !== null && c.column.key !== null)).toBe(true);
    expect(others.every((c) => c.row.key === null || c.column.key === null)).toBe(true);
    const option = matrixOption(view);
    const visualMap = option.visualMap;
    expect(Array.isArray(visualMap) ? undefined : visualMap).toMatchObject({
      seriesIndex: 0,
      max: 5,
    });
    const series = Array.isArray(option.series) ? option.series : [];
    expect(series.map((s) => s.name)).toEqual(['Incidents', 'Others']);
    // [column, row, count] by position on the axes.
    expect(series[1]?.data).toContainEqual(expect.objectContaining({ value: [2, 2, 6] }));
  });

  it('finds the clicked cell by series and index', () => {
    const [named, others] = matrixSeries(view);
    expect(clickedCell(view, 0, 0)).toBe(named[0]);
    expect(clickedCell(view, 1, others.length - 1)).toBe(others.at(-1));
    expect(clickedCell(view, undefined, 0)).toBeUndefined();
  });

  it('tables one row per actor and Others, a column per sector, Others and Total', () => {
    const table = matrixTable(answer, matrixView(answer, 'name'));
    expect(table.columns).toEqual(['Actor', 'Energy', 'Health', 'Others', 'Total']);
    expect(table.rows).toEqual([
      ['APT28', 1, 3, 0, 4],
      ['Sandworm', 5, 0, 2, 7],
      ['Others', 4, 0, 6, 10],
    ]);
  });
});

describe('the matrix’s tooltip', () => {
  it('shows a name from a source as text, never as markup', () => {
    expect(escapeHtml('<img src=x onerror="alert(1)">& Co')).toBe(
      '&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38; Co',
    );
    const hostile = {
      ...answer,
      actors: [{ key: 'x', name: '<b>X</b>' }, ...answer.actors.slice(1)],
    };
    const tooltip = cellTooltip(cellAt(matrixView(hostile, 'total'), '<b>X</b>', 'Energy'));
    expect(tooltip).toBe(
      `&#60;b&#62;X&#60;/b&#62; × Energy: 5 incidents<br>40% across a border<br>${REPORTED_MARK} named by reported victimology`,
    );
  });
});

describe('where a click in the matrix leads', () => {
  const view = matrixView(answer, 'total');
  const at = (row: string, column: string) => cellAt(view, row, column);

  it('a cell to its actor with its sector, an Others cell to what it has of its own', () => {
    expect(cellTarget(at('Sandworm', 'Energy'))).toEqual({
      kind: 'actor',
      key: 'sandworm',
      sectorKey: 'energy',
    });
    expect(cellTarget(at('Sandworm', 'Others'))).toEqual({
      kind: 'actor',
      key: 'sandworm',
      sectorKey: null,
    });
    expect(cellTarget(at('Others', 'Energy'))).toEqual({ kind: 'sector', key: 'energy' });
    expect(cellTarget(at('Others', 'Others'))).toBeNull();
  });

  it('a row label to its actor, a column label to its sector, Others to nothing', () => {
    expect(labelTarget(view, 'y', 'APT28')).toEqual({
      kind: 'actor',
      key: 'apt28',
      sectorKey: null,
    });
    expect(labelTarget(view, 'x', 'Health')).toEqual({ kind: 'sector', key: 'health' });
    expect(labelTarget(view, 'x', 'Others')).toBeNull();
  });
});

describe('the matrix’s settings in the address', () => {
  it('reads sizes, order and basis, and names what it cannot use', () => {
    expect(matrixSettingsOf(new URLSearchParams())).toEqual({
      settings: defaultMatrixSettings,
      problems: [],
    });
    expect(
      matrixSettingsOf(new URLSearchParams('actors=20&sectors=5&sort=name&basis=BOTH')).settings,
    ).toEqual({ topActors: 20, topSectors: 5, sort: 'name', basis: 'BOTH' });
    const bad = matrixSettingsOf(new URLSearchParams('actors=7&basis=GUESS'));
    expect(bad.settings).toEqual(defaultMatrixSettings);
    expect(bad.problems).toHaveLength(2);
    expect(bad.problems[0]).toContain('"7"');
  });

  it('changes one setting and keeps the filter', () => {
    const next = withMatrixSetting(new URLSearchParams('sector=energy&actors=5'), 'topActors', 30);
    expect(next.toString()).toBe('sector=energy&actors=30');
  });
});

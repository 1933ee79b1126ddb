import { EMPTY, fragment, statement, where, type Statement } from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import {
  claimConditionsOf,
  incidentsMatching,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import {
  countsVictimology,
  shownByBasis,
  victimologyConditionsOf,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';
import { reportedSectorLinks, reportedToTarget } from './reported-links.js';
import { coversSector, topLevelSector } from '../repositories/sector-rollup.js';

export interface MatrixCell {
  actorId: string;
  sectorId: string;
  incidentCount: number;
  crossBorderCount: number;
  reported: boolean;
}

/**
 * Actors × top-level sectors (sub-sectors rolled up): per pair, the incidents a qualifying claim
 * attributes to the actor, how many of them hit a country other than the actor's origins, and
 * whether the actor's reported victimology names the sector. The basis decides which pairs show;
 * counts are always incidents. One aggregation in the database; choosing the top rows and columns
 * happens on the result.
 */
function matrixStatement(filter: IncidentConditions, basis: AnalysisBasis): Statement<MatrixCell> {
  const { match, conditions } = incidentsMatching(filter);
  const fromVictimology = fragment`UNION ALL
  ${reportedSectorLinks(victimologyConditionsOf(filter))}
  RETURN DISTINCT a, ${topLevelSector(fragment`s`)} AS top, 0 AS n, 0 AS crossBorder`;
  return statement(
    'analysis:actorSectorMatrix',
    fragment`CALL () {
  ${match}
  ${where(conditions)}
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${where(claimConditionsOf(filter))}
  WITH DISTINCT i, a
  MATCH (i)-[:TARGETED]->(s:Sector)
  WITH DISTINCT i, a, ${topLevelSector(fragment`s`)} AS top
  WITH a, top, i,
       EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }
         AND EXISTS { MATCH (i)-[:AFFECTED]->(v:Country) WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) } } AS crossBorder
  RETURN a, top, count(i) AS n, count(CASE WHEN crossBorder THEN 1 END) AS crossBorder
  ${countsVictimology(basis) ? fromVictimology : EMPTY}
}
WITH a, top, sum(n) AS n, sum(crossBorder) AS crossBorder
WITH a, top, n, crossBorder,
     ${reportedToTarget(filter, fragment`(rs:Sector)`, [coversSector(fragment`top`, fragment`rs`)])} AS reported
WHERE ${shownByBasis(basis)}
RETURN a.id AS actorId, top.id AS sectorId, n AS incidentCount, crossBorder AS crossBorderCount, reported`,
  );
}

export async function matrixCells(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
): Promise<MatrixCell[]> {
  const built = matrixStatement(filter, basis);
  return executor.read(built.query, built.params);
}

export interface Matrix {
  actorIds: string[];
  sectorIds: string[];
  /** cells[row][column], rows = actorIds then "others", columns = sectorIds then "others". */
  counts: number[][];
  crossBorderShares: (number | null)[][];
  reported: boolean[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/**
 * The busiest `topActors` rows and `topSectors` columns, plus an "others" row and column that hold
 * everything else, so every row, column and grand total is the true sum of actor–sector counts.
 * Busiest means most incidents, then most reported cells (all a victimology-only matrix has).
 */
export function shapeMatrix(cells: MatrixCell[], topActors: number, topSectors: number): Matrix {
  const sum = (pick: (c: MatrixCell) => string) => {
    const totals = new Map<string, [number, number]>();
    for (const c of cells) {
      const [incidents, reported] = totals.get(pick(c)) ?? [0, 0];
      totals.set(pick(c), [incidents + c.incidentCount, reported + (c.reported ? 1 : 0)]);
    }
    return [...totals]
      .sort((a, b) => b[1][0] - a[1][0] || b[1][1] - a[1][1] || a[0].localeCompare(b[0]))
      .map(([key]) => key);
  };
  const actorIds = sum((c) => c.actorId).slice(0, topActors);
  const sectorIds = sum((c) => c.sectorId).slice(0, topSectors);
  const rows = actorIds.length + 1;
  const columns = sectorIds.length + 1;
  const counts = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  const cross = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  const reported = Array.from({ length: rows }, () => new Array<boolean>(columns).fill(false));
  for (const cell of cells) {
    const row = actorIds.includes(cell.actorId) ? actorIds.indexOf(cell.actorId) : rows - 1;
    const column = sectorIds.includes(cell.sectorId)
      ? sectorIds.indexOf(cell.sectorId)
      : columns - 1;
    (counts[row] as number[])[column] = (counts[row]?.[column] ?? 0) + cell.incidentCount;
    (cross[row] as number[])[column] = (cross[row]?.[column] ?? 0) + cell.crossBorderCount;
    if (cell.reported) (reported[row] as boolean[])[column] = true;
  }
  const crossBorderShares = counts.map((row, r) =>
    row.map((n, c) => (n === 0 ? null : (cross[r]?.[c] ?? 0) / n)),
  );
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) =>
    counts.reduce((a, row) => a + (row[c] ?? 0), 0),
  );
  return {
    actorIds,
    sectorIds,
    counts,
    crossBorderShares,
    reported,
    rowTotals,
    columnTotals,
    total: rowTotals.reduce((a, b) => a + b, 0),
  };
}

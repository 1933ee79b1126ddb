import {
  EMPTY,
  fragment,
  param,
  statement,
  trusted,
  where,
  type Fragment,
  type Statement,
} from '../db/cypher.js';
import type { Executor } from '../db/database.js';
import {
  claimConditionsOf,
  incidentsMatching,
  type IncidentConditions,
} from '../repositories/incident-filter.js';
import type { ActorRow, SectorRow } from '../repositories/rows.js';
import {
  countsVictimology,
  shownByBasis,
  victimologyConditionsOf,
  type AnalysisBasis,
} from '../repositories/victimology-filter.js';
import { reportedSectorLinks, reportedToTarget } from './reported-links.js';
import { coversSector, topLevelSector } from '../repositories/sector-rollup.js';
import { withActorOrigins } from './actor-origins.js';

/** What of the matrix the client selected: the parts that cost database work of their own. */
export interface MatrixSelection {
  crossBorderShares: boolean;
  reported: boolean;
}

/** A candidate row or column with what ranks it: its incidents, then its reported cells. */
export interface RankedNode<Row> {
  row: Row;
  incidentCount: number;
  reportedCells: number;
}

/** A cell summed over the candidates: a null actor or sector stands for all the others. */
export interface FoldedCell {
  actorId: string | null;
  sectorId: string | null;
  incidentCount: number;
  crossBorderCount: number;
  reported: boolean;
}

/**
 * What the database returns: the candidate rows and columns, busiest first (the `top` busiest and
 * any tied with the last of them, whose order only the key decides), and the cells summed over
 * them, every other actor and sector folded into the null row and column.
 */
export interface FoldedMatrix {
  actors: RankedNode<ActorRow>[];
  sectors: RankedNode<SectorRow>[];
  cells: FoldedCell[];
}

/**
 * Per actor and top-level sector, the incidents a qualifying claim attributes to the actor and,
 * when asked for, how many of them hit a country other than the actor's origins.
 */
function incidentCells(filter: IncidentConditions, crossBorder: boolean): Fragment {
  const { match, conditions } = incidentsMatching(filter);
  const { regroup, origins } = withActorOrigins('any');
  const counted = crossBorder
    ? fragment`WITH a, top, i,
       size(${origins}) > 0 AND EXISTS { MATCH (i)-[:AFFECTED]->(v:Country) WHERE NOT v IN ${origins} } AS crossBorder
  RETURN a, top, count(i) AS n, count(CASE WHEN crossBorder THEN 1 END) AS crossBorder`
    : fragment`RETURN a, top, count(i) AS n, 0 AS crossBorder`;
  return fragment`${match}
  ${where(conditions)}
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) ${where(claimConditionsOf(filter))}
  WITH DISTINCT i, a
  ${crossBorder ? regroup : EMPTY}
  MATCH (i)-[:TARGETED]->(s:Sector)
  WITH DISTINCT i, a, ${crossBorder ? fragment`${origins}, ` : EMPTY}${topLevelSector(fragment`s`)} AS top
  ${counted}`;
}

/**
 * The candidates of one side of `cells` (`side` is `actor` or `sector`), busiest first, cut after
 * the `top`-th but for those tied with it by incidents and reported cells: the key breaks such ties
 * in the caller, in the order the API has always used, which Cypher's order of strings is not.
 */
function candidates(side: 'actor' | 'sector', top: Fragment): Fragment {
  return fragment`UNWIND cells AS c
  WITH c.${trusted(side)} AS node, sum(c.n) AS n, sum(CASE WHEN c.reported THEN 1 ELSE 0 END) AS r
  ORDER BY n DESC, r DESC
  WITH collect({node: node, n: n, r: r}) AS ranked
  WITH ranked, ranked[toInteger(${top}) - 1] AS last
  RETURN [x IN ranked WHERE last IS NULL OR x.n > last.n OR (x.n = last.n AND x.r >= last.r)] AS candidates`;
}

/**
 * Actors × top-level sectors (sub-sectors rolled up): per pair, the incidents a qualifying claim
 * attributes to the actor, how many of them hit a country other than the actor's origins, and
 * whether the actor's reported victimology names the sector. The basis decides which pairs show;
 * counts are always incidents. The database ranks the rows and columns and folds every cell
 * outside the candidates into `others`, so the answer it ships is the size of the picture.
 */
function matrixStatement(
  filter: IncidentConditions,
  basis: AnalysisBasis,
  topActors: number,
  topSectors: number,
  selection: MatrixSelection,
): Statement<FoldedMatrix> {
  const fromVictimology = fragment`UNION ALL
  ${reportedSectorLinks(victimologyConditionsOf(filter))}
  RETURN DISTINCT a, ${topLevelSector(fragment`s`)} AS top, 0 AS n, 0 AS crossBorder`;
  const ranked = (side: string) =>
    fragment`[x IN ${trusted(side)} | {row: properties(x.node), incidentCount: x.n, reportedCells: x.r}]`;
  return statement(
    'analysis:actorSectorMatrix',
    fragment`CALL () {
  ${incidentCells(filter, selection.crossBorderShares)}
  ${countsVictimology(basis) ? fromVictimology : EMPTY}
}
WITH a, top, sum(n) AS n, sum(crossBorder) AS crossBorder
WITH a, top, n, crossBorder,
     ${reportedToTarget(filter, fragment`(rs:Sector)`, [coversSector(fragment`top`, fragment`rs`)])} AS reported
WHERE ${shownByBasis(basis)}
WITH collect({actor: a, sector: top, n: n, crossBorder: crossBorder, reported: reported}) AS cells
CALL (cells) {
  ${candidates('actor', fragment`${param(topActors, 'topActors')}`)}
}
WITH cells, candidates AS actors
CALL (cells) {
  ${candidates('sector', fragment`${param(topSectors, 'topSectors')}`)}
}
WITH cells, actors, candidates AS sectors
CALL (cells, actors, sectors) {
  WITH cells, [x IN actors | x.node] AS rows, [x IN sectors | x.node] AS columns
  UNWIND cells AS c
  WITH CASE WHEN c.actor IN rows THEN c.actor END AS actor,
       CASE WHEN c.sector IN columns THEN c.sector END AS sector, c
  WITH actor, sector, sum(c.n) AS n, sum(c.crossBorder) AS crossBorder,
       sum(CASE WHEN c.reported THEN 1 ELSE 0 END) > 0 AS reported
  RETURN collect({actorId: actor.id, sectorId: sector.id, incidentCount: n, crossBorderCount: crossBorder, reported: reported}) AS folded
}
RETURN ${ranked('actors')} AS actors, ${ranked('sectors')} AS sectors, folded AS cells`,
  );
}

export async function foldedMatrix(
  executor: Executor,
  filter: IncidentConditions,
  basis: AnalysisBasis,
  topActors: number,
  topSectors: number,
  selection: MatrixSelection,
): Promise<FoldedMatrix> {
  const built = matrixStatement(filter, basis, topActors, topSectors, selection);
  const [answer] = await executor.read(built.query, built.params);
  // One aggregated row always comes back; an empty graph makes it empty lists.
  return answer ?? { actors: [], sectors: [], cells: [] };
}

export interface Matrix {
  actors: ActorRow[];
  sectors: SectorRow[];
  /** cells[row][column], rows = actors then "others", columns = sectors then "others". */
  counts: number[][];
  crossBorderShares: (number | null)[][];
  reported: boolean[][];
  rowTotals: number[];
  columnTotals: number[];
  total: number;
}

/** The first `top` candidates: most incidents, then most reported cells, then by key. */
function busiest<Row>(
  candidates: readonly RankedNode<Row>[],
  keyOf: (row: Row) => string,
  top: number,
): Row[] {
  return [...candidates]
    .sort(
      (a, b) =>
        b.incidentCount - a.incidentCount ||
        b.reportedCells - a.reportedCells ||
        keyOf(a.row).localeCompare(keyOf(b.row)),
    )
    .slice(0, top)
    .map((candidate) => candidate.row);
}

/**
 * The busiest `topActors` rows and `topSectors` columns, plus an "others" row and column that hold
 * everything else, so every row, column and grand total is the true sum of actor–sector counts.
 * Busiest means most incidents, then most reported cells (all a victimology-only matrix has).
 */
export function shapeMatrix(folded: FoldedMatrix, topActors: number, topSectors: number): Matrix {
  const actors = busiest(folded.actors, (a) => a.id, topActors);
  const sectors = busiest(folded.sectors, (s) => s.id, topSectors);
  const rowOf = new Map(actors.map((a, index) => [a.id, index]));
  const columnOf = new Map(sectors.map((s, index) => [s.id, index]));
  const rows = actors.length + 1;
  const columns = sectors.length + 1;
  const counts = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  const cross = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  const reported = Array.from({ length: rows }, () => new Array<boolean>(columns).fill(false));
  for (const cell of folded.cells) {
    const row = (cell.actorId === null ? undefined : rowOf.get(cell.actorId)) ?? rows - 1;
    const column =
      (cell.sectorId === null ? undefined : columnOf.get(cell.sectorId)) ?? columns - 1;
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
    actors,
    sectors,
    counts,
    crossBorderShares,
    reported,
    rowTotals,
    columnTotals,
    total: rowTotals.reduce((a, b) => a + b, 0),
  };
}

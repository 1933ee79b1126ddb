import { topLevel } from './cypher-fragments.js';
import type { BenchOperation, CypherRow, Digest } from './types.js';

const TOP_ACTORS = 10;
const TOP_SECTORS = 10;

const lines = (actors: string[], sectors: string[], counts: number[][]): Digest => [
  `actors: ${actors.join(', ')}`,
  `sectors: ${sectors.join(', ')}`,
  ...counts.map((row) => row.join(' ')),
];

interface OursData {
  actorSectorMatrix: {
    actors: { name: string }[];
    sectors: { name: string }[];
    counts: number[][];
  };
}

/**
 * The busiest actors × the busiest top-level sectors by incident count, plus an `others` row and
 * column. Ties among the busiest go to more reported-victimology cells, then to the key.
 */
export const actorSectorMatrix: BenchOperation = {
  name: 'actorSectorMatrix',
  digestOurs(data) {
    const m = (data as OursData).actorSectorMatrix;
    return lines(
      m.actors.map((a) => a.name),
      m.sectors.map((s) => s.name),
      m.counts,
    );
  },
  floor: {
    cypher: `MATCH (i:Incident)-[:ATTRIBUTED_TO]->(a:Actor)
WITH DISTINCT i, a
MATCH (i)-[:TARGETED]->(s:Sector)
WITH DISTINCT i, a, ${topLevel('s')} AS top
WITH a, top, count(i) AS n
WITH a, top, n,
     EXISTS { MATCH (a)-[:TARGETS]->(rs:Sector) WHERE rs = top OR EXISTS { (rs)-[:SUBSECTOR_OF]->(top) } } AS reported
WITH collect({actor: a.id, actorName: a.name, sector: top.id, sectorName: top.name, n: n, reported: reported}) AS cells
CALL (cells) {
  UNWIND cells AS c
  WITH c.actor AS id, c.actorName AS name, sum(c.n) AS n, sum(CASE WHEN c.reported THEN 1 ELSE 0 END) AS r
  ORDER BY n DESC, r DESC, id LIMIT toInteger($topActors)
  RETURN collect(id) AS actorIds, collect(name) AS actorNames
}
CALL (cells) {
  UNWIND cells AS c
  WITH c.sector AS id, c.sectorName AS name, sum(c.n) AS n, sum(CASE WHEN c.reported THEN 1 ELSE 0 END) AS r
  ORDER BY n DESC, r DESC, id LIMIT toInteger($topSectors)
  RETURN collect(id) AS sectorIds, collect(name) AS sectorNames
}
CALL (cells, actorIds, sectorIds) {
  UNWIND cells AS c
  WITH coalesce([k IN range(0, size(actorIds) - 1) WHERE actorIds[k] = c.actor][0], size(actorIds)) AS row,
       coalesce([k IN range(0, size(sectorIds) - 1) WHERE sectorIds[k] = c.sector][0], size(sectorIds)) AS column,
       c.n AS n
  WITH row, column, sum(n) AS n
  RETURN collect({row: row, column: column, n: n}) AS sums
}
RETURN actorNames, sectorNames,
       [row IN range(0, size(actorIds)) |
         [column IN range(0, size(sectorIds)) |
           coalesce([x IN sums WHERE x.row = row AND x.column = column | x.n][0], 0)]] AS counts`,
    params: () => ({ topActors: TOP_ACTORS, topSectors: TOP_SECTORS }),
    digest(rows: CypherRow[]) {
      const row = rows[0] as { actorNames: string[]; sectorNames: string[]; counts: number[][] };
      return lines(row.actorNames, row.sectorNames, row.counts);
    },
  },
  peer: {
    gap:
      'a cross-tabulation of actors × top-level sectors (sub-sectors rolled up) with top-N rows and ' +
      "columns plus 'others': the generated aggregates count one relationship of one node at a " +
      'time, so it takes one aggregate per actor and sector pair, or an @cypher field',
  },
};

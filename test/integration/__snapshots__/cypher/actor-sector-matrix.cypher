// { actorSectorMatrix(topActors: 5, topSectors: 4) { actors { key } sectors { key } counts crossBorderShares total } }
// 1 statement(s) in 1 wave(s)

// ── wave 1 · read · analysis:actorSectorMatrix
CALL () {
  MATCH (i:Incident)

  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH DISTINCT i, a
  WITH a, collect(i) AS incidents_1
  WITH a, incidents_1, COLLECT { MATCH (a)-[:ORIGINATES_FROM]->(origin_1:Country) RETURN origin_1 } AS origins_1
  UNWIND incidents_1 AS i
  MATCH (i)-[:TARGETED]->(s:Sector)
  WITH DISTINCT i, a, origins_1, coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s) AS top
  WITH a, top, i,
       size(origins_1) > 0 AND EXISTS { MATCH (i)-[:AFFECTED]->(v:Country) WHERE NOT v IN origins_1 } AS crossBorder
  RETURN a, top, count(i) AS n, count(CASE WHEN crossBorder THEN 1 END) AS crossBorder

}
WITH a, top, sum(n) AS n, sum(crossBorder) AS crossBorder
WITH a, top, n, crossBorder,
     EXISTS { (a)-[t_1:TARGETS]->(rs:Sector) WHERE (top = rs OR EXISTS { (rs)-[:SUBSECTOR_OF]->(top) }) } AS reported
WHERE n > 0
WITH collect({actor: a, sector: top, n: n, crossBorder: crossBorder, reported: reported}) AS cells
CALL (cells) {
  UNWIND cells AS c
  WITH c.actor AS node, sum(c.n) AS n, sum(CASE WHEN c.reported THEN 1 ELSE 0 END) AS r
  ORDER BY n DESC, r DESC
  WITH collect({node: node, n: n, r: r}) AS ranked
  WITH ranked, ranked[toInteger($topActors) - 1] AS last
  RETURN [x IN ranked WHERE last IS NULL OR x.n > last.n OR (x.n = last.n AND x.r >= last.r)] AS candidates
}
WITH cells, candidates AS actors
CALL (cells) {
  UNWIND cells AS c
  WITH c.sector AS node, sum(c.n) AS n, sum(CASE WHEN c.reported THEN 1 ELSE 0 END) AS r
  ORDER BY n DESC, r DESC
  WITH collect({node: node, n: n, r: r}) AS ranked
  WITH ranked, ranked[toInteger($topSectors) - 1] AS last
  RETURN [x IN ranked WHERE last IS NULL OR x.n > last.n OR (x.n = last.n AND x.r >= last.r)] AS candidates
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
RETURN [x IN actors | {row: properties(x.node), incidentCount: x.n, reportedCells: x.r}] AS actors, [x IN sectors | {row: properties(x.node), incidentCount: x.n, reportedCells: x.r}] AS sectors, folded AS cells
// params
{
  "topActors": 5,
  "topSectors": 4
}

// { actorSectorMatrix(topActors: 5, topSectors: 4) { actors { key } sectors { key } counts crossBorderShares total } }
// 3 statement(s) in 2 wave(s)

// ── wave 1 · read · analysis:actorSectorMatrix
CALL () {
  MATCH (i:Incident)

  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH DISTINCT i, a
  MATCH (i)-[:TARGETED]->(s:Sector)
  WITH DISTINCT i, a, coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s) AS top
  WITH a, top, i,
       EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }
         AND EXISTS { MATCH (i)-[:AFFECTED]->(v:Country) WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) } } AS crossBorder
  RETURN a, top, count(i) AS n, count(CASE WHEN crossBorder THEN 1 END) AS crossBorder

}
WITH a, top, sum(n) AS n, sum(crossBorder) AS crossBorder
WITH a, top, n, crossBorder,
     EXISTS { (a)-[t_1:TARGETS]->(rs:Sector) WHERE (top = rs OR EXISTS { (rs)-[:SUBSECTOR_OF]->(top) }) } AS reported
WHERE n > 0
RETURN a.id AS actorId, top.id AS sectorId, n AS incidentCount, crossBorder AS crossBorderCount, reported
// params
{}

// ── wave 2 · read · findActors
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {id: key})
OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
RETURN key, n {.*} AS row
// params
{
  "keys": [
    "gru-unspecified",
    "killnet",
    "noname057-16",
    "russian-state-unspecified",
    "sandworm"
  ]
}

// ── wave 2 · read · findSectors
UNWIND $keys AS key MATCH (n:Sector {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "finance",
    "health",
    "public-administration",
    "transport"
  ]
}

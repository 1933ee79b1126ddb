// { crossBorder(filter: { from: "2022-01-01", sectorIds: ["energy"] }, first: 5) { totalCount
//       edges { node { actor { key } origin { code } sector { key } affectedCountry { code } incidentCount } }
//       unknownOrigin { actor { key } sector { key } affectedCountry { code } incidentCount } } }
// 3 statement(s) in 2 wave(s)

// ── wave 1 · read · analysis:crossBorder
CALL () {
  UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i
  WHERE i.endDate >= date($from)
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH DISTINCT i, a
  WHERE EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }
  MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
  WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) }
  RETURN a, s, v, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate

}
WITH a, s, v, sum(n) AS n, min(firstDate) AS firstDate, max(lastDate) AS lastDate
WITH a, s, v, n, firstDate, lastDate,
     EXISTS { (a)-[t_1:TARGETS]->(rs:Sector) WHERE (rs = s OR EXISTS { (s)-[:SUBSECTOR_OF]->(rs) }) }
       AND EXISTS { (a)-[t_2:TARGETS]->(v)  } AS reported
WHERE n > 0
WITH a, s, v, n, firstDate, lastDate, reported, a.id + '|' + s.id + '|' + v.iso2 AS rowKey

WITH a, s, v, n, firstDate, lastDate, reported, rowKey ORDER BY n DESC, rowKey ASC LIMIT toInteger($limit)
OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }
RETURN a {.*} AS actor, c {.*} AS origin, s {.*} AS sector, v {.*} AS affectedCountry,
       n AS incidentCount, firstDate, lastDate, reported, rowKey
// params
{
  "from": "2022-01-01",
  "limit": 6,
  "sectorIds": [
    "energy",
    "electricity",
    "oil",
    "gas",
    "nuclear",
    "district-heating"
  ]
}

// ── wave 2 · read · analysis:crossBorderCount
CALL () {
  UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i
  WHERE i.endDate >= date($from)
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH DISTINCT i, a
  WHERE EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }
  MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
  WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) }
  RETURN a, s, v, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate

}
WITH a, s, v, sum(n) AS n, min(firstDate) AS firstDate, max(lastDate) AS lastDate
WITH a, s, v, n, firstDate, lastDate,
     EXISTS { (a)-[t_1:TARGETS]->(rs:Sector) WHERE (rs = s OR EXISTS { (s)-[:SUBSECTOR_OF]->(rs) }) }
       AND EXISTS { (a)-[t_2:TARGETS]->(v)  } AS reported
WHERE n > 0
RETURN count(*) AS count
// params
{
  "from": "2022-01-01",
  "sectorIds": [
    "energy",
    "electricity",
    "oil",
    "gas",
    "nuclear",
    "district-heating"
  ]
}

// ── wave 2 · read · analysis:crossBorder:unknownOrigin
CALL () {
  UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i
  WHERE i.endDate >= date($from)
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH DISTINCT i, a
  WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(:Country) }
  MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
  WHERE NOT EXISTS { (a)-[:ORIGINATES_FROM]->(v) }
  RETURN a, s, v, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate

}
WITH a, s, v, sum(n) AS n, min(firstDate) AS firstDate, max(lastDate) AS lastDate
WITH a, s, v, n, firstDate, lastDate,
     EXISTS { (a)-[t_1:TARGETS]->(rs:Sector) WHERE (rs = s OR EXISTS { (s)-[:SUBSECTOR_OF]->(rs) }) }
       AND EXISTS { (a)-[t_2:TARGETS]->(v)  } AS reported
WHERE n > 0
WITH a, s, v, n, firstDate, lastDate, reported, a.id + '|' + s.id + '|' + v.iso2 AS rowKey

WITH a, s, v, n, firstDate, lastDate, reported, rowKey ORDER BY n DESC, rowKey ASC LIMIT toInteger($limit)
OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }
RETURN a {.*} AS actor, c {.*} AS origin, s {.*} AS sector, v {.*} AS affectedCountry,
       n AS incidentCount, firstDate, lastDate, reported, rowKey
// params
{
  "from": "2022-01-01",
  "limit": 6,
  "sectorIds": [
    "energy",
    "electricity",
    "oil",
    "gas",
    "nuclear",
    "district-heating"
  ]
}

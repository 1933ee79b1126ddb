// { crossBorder(filter: { from: "2022-01-01", sectorIds: ["energy"] }, first: 5) { totalCount
//       edges { node { actor { key } origin { code } sector { key } affectedCountry { code } incidentCount } }
//       unknownOrigin { actor { key } sector { key } affectedCountry { code } incidentCount } } }
// 2 statement(s) in 1 wave(s)

// ── wave 1 · read · analysis:crossBorderAndCount
CALL () {
  UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i
  WHERE i.endDate >= date($from)
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH DISTINCT i, a
  WITH a, collect(i) AS incidents_1
  WITH a, incidents_1, COLLECT { MATCH (a)-[:ORIGINATES_FROM]->(origin_1:Country) RETURN origin_1 } AS origins_1 WHERE size(origins_1) > 0
  UNWIND incidents_1 AS i
  MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
  WHERE NOT v IN origins_1
  RETURN a, s, v, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate

}
WITH a, s, v, sum(n) AS n, min(firstDate) AS firstDate, max(lastDate) AS lastDate
WHERE n > 0
WITH a, s, v, n, firstDate, lastDate, a.id + '|' + s.id + '|' + v.iso2 AS rowKey
WITH a, s, v, n, firstDate, lastDate, rowKey ORDER BY n DESC, rowKey ASC
  WITH count(*) AS count, collect([a, s, v, n, firstDate, lastDate, rowKey])[0..toInteger($limit)] AS page_1
  RETURN count, COLLECT {
    UNWIND page_1 AS line_1
    WITH line_1[0] AS a, line_1[1] AS s, line_1[2] AS v, line_1[3] AS n, line_1[4] AS firstDate, line_1[5] AS lastDate, line_1[6] AS rowKey
    OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }
RETURN {actor: a {.*}, origin: c {.*}, sector: s {.*}, affectedCountry: v {.*},
        incidentCount: n, firstDate: firstDate, lastDate: lastDate,
        reported: null, rowKey: rowKey} AS line
  } AS rows
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

// ── wave 1 · read · analysis:crossBorder:unknownOrigin
CALL () {
  UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i
  WHERE i.endDate >= date($from)
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH DISTINCT i, a
  WITH a, collect(i) AS incidents_1
  WITH a, incidents_1, COLLECT { MATCH (a)-[:ORIGINATES_FROM]->(origin_1:Country) RETURN origin_1 } AS origins_1 WHERE size(origins_1) = 0
  UNWIND incidents_1 AS i
  MATCH (i)-[:TARGETED]->(s:Sector), (i)-[:AFFECTED]->(v:Country)
  WHERE NOT v IN origins_1
  RETURN a, s, v, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate

}
WITH a, s, v, sum(n) AS n, min(firstDate) AS firstDate, max(lastDate) AS lastDate
WHERE n > 0
WITH a, s, v, n, firstDate, lastDate, a.id + '|' + s.id + '|' + v.iso2 AS rowKey

WITH a, s, v, n, firstDate, lastDate, rowKey ORDER BY n DESC, rowKey ASC LIMIT toInteger($limit)
OPTIONAL CALL (a) { MATCH (a)-[o:ORIGINATES_FROM]->(c:Country) RETURN c ORDER BY o.confidence DESC, c.iso2 LIMIT 1 }
RETURN {actor: a {.*}, origin: c {.*}, sector: s {.*}, affectedCountry: v {.*},
        incidentCount: n, firstDate: firstDate, lastDate: lastDate,
        reported: null, rowKey: rowKey} AS line
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

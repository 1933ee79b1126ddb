// { topActors(filter: { from: "2022-01-01" }, first: 3) { totalCount edges { incidentCount firstDate lastDate node { key } } pageInfo { endCursor } } }
// 2 statement(s) in 1 wave(s)

// ── wave 1 · read · count:actor
UNWIND $parents AS p
CALL (p) {
  MATCH (i:Incident)
  WHERE i.endDate >= date($from)
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)  WITH i, a AS x
  WITH x, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate
  WITH x, n, firstDate, lastDate ORDER BY n DESC, x.id ASC LIMIT toInteger($limit)
  RETURN collect({node: x {.*}, incidentCount: n, firstDate: firstDate, lastDate: lastDate}) AS rows
}
RETURN p.id AS parentId, rows
// params
{
  "from": "2022-01-01",
  "limit": 4,
  "parents": [
    {
      "id": null
    }
  ]
}

// ── wave 1 · read · countGroups:actor
UNWIND $parents AS p
CALL (p) {
  MATCH (i:Incident)
  WHERE i.endDate >= date($from)
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)  WITH i, a AS x
  RETURN count(DISTINCT x) AS count
}
RETURN p.id AS parentId, count
// params
{
  "from": "2022-01-01",
  "parents": [
    {
      "id": null
    }
  ]
}

// { topSectors(filter: { countryCodes: ["UA"] }, first: 3) { totalCount edges { incidentCount node { key } } } }
// 2 statement(s) in 1 wave(s)

// ── wave 1 · read · count:topLevelSector
UNWIND $parents AS p
CALL (p) {
  UNWIND $countryCodes AS countryCode_1 MATCH (:Country {iso2: countryCode_1})<-[:AFFECTED]-(i:Incident) WITH DISTINCT i
  MATCH (i)-[:TARGETED]->(s:Sector) WITH i, coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s) AS x
  WITH x, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate
  WITH x, n, firstDate, lastDate ORDER BY n DESC, x.id ASC LIMIT toInteger($limit)
  RETURN collect({node: x {.*}, incidentCount: n, firstDate: firstDate, lastDate: lastDate}) AS rows
}
RETURN p.id AS parentId, rows
// params
{
  "countryCodes": [
    "UA"
  ],
  "limit": 4,
  "parents": [
    {
      "id": null
    }
  ]
}

// ── wave 1 · read · countGroups:topLevelSector
UNWIND $parents AS p
CALL (p) {
  UNWIND $countryCodes AS countryCode_1 MATCH (:Country {iso2: countryCode_1})<-[:AFFECTED]-(i:Incident) WITH DISTINCT i
  MATCH (i)-[:TARGETED]->(s:Sector) WITH i, coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s) AS x
  RETURN count(DISTINCT x) AS count
}
RETURN p.id AS parentId, count
// params
{
  "countryCodes": [
    "UA"
  ],
  "parents": [
    {
      "id": null
    }
  ]
}

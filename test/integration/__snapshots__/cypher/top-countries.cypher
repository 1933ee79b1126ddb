// { topCountries(filter: { sectorIds: ["energy"] }, first: 3) { totalCount edges { incidentCount node { code } } } }
// 2 statement(s) in 1 wave(s)

// ── wave 1 · read · count:country
UNWIND $parents AS p
CALL (p) {
  UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i
  MATCH (i)-[:AFFECTED]->(x:Country)
  WITH x, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate
  WITH x, n, firstDate, lastDate ORDER BY n DESC, x.iso2 ASC LIMIT toInteger($limit)
  RETURN collect({node: x {.*}, incidentCount: n, firstDate: firstDate, lastDate: lastDate}) AS rows
}
RETURN p.id AS parentId, rows
// params
{
  "limit": 4,
  "parents": [
    {
      "id": null
    }
  ],
  "sectorIds": [
    "energy",
    "electricity",
    "oil",
    "gas",
    "nuclear",
    "district-heating"
  ]
}

// ── wave 1 · read · countGroups:country
UNWIND $parents AS p
CALL (p) {
  UNWIND $sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT i
  MATCH (i)-[:AFFECTED]->(x:Country)
  RETURN count(DISTINCT x) AS count
}
RETURN p.id AS parentId, count
// params
{
  "parents": [
    {
      "id": null
    }
  ],
  "sectorIds": [
    "energy",
    "electricity",
    "oil",
    "gas",
    "nuclear",
    "district-heating"
  ]
}

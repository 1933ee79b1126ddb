// { sector(id: "health") { key subsectors { key }
//       incidents(filter: { from: "2020-01-01" }, first: 3) { totalCount edges { node { key sectors { key } } } } } }
// 4 statement(s) in 3 wave(s)

// ── wave 1 · read · findSectors
UNWIND $keys AS key MATCH (n:Sector {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "health"
  ]
}

// ── wave 2 · read · sectorChildren
UNWIND $ids AS id MATCH (:Sector {id: id})<-[:SUBSECTOR_OF]-(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows
// params
{
  "ids": [
    "health"
  ]
}

// ── wave 2 · read · listAndCountIncidents:sector
UNWIND $parents AS p
CALL (p) {
  UNWIND p.sectorIds AS sectorId_1 MATCH (:Sector {id: sectorId_1})<-[:TARGETED]-(i:Incident) WITH DISTINCT p, i
  WHERE i.endDate >= date($from)
  WITH i ORDER BY i.startDate DESC, i.id DESC
  WITH count(*) AS count, collect(i)[0..toInteger($limit)] AS page_1
  RETURN count, COLLECT {
    UNWIND page_1 AS i
    RETURN i {.id, .startDate} AS row
  } AS rows
}
RETURN p.id AS parentId, rows, count
// params
{
  "from": "2020-01-01",
  "limit": 4,
  "parents": [
    {
      "id": "health",
      "sectorIds": [
        "health",
        "hospitals",
        "pharmaceuticals",
        "medical-devices",
        "health-insurance",
        "public-health"
      ]
    }
  ]
}

// ── wave 3 · read · incidentSectors
UNWIND $ids AS id MATCH (:Incident {id: id})-[:TARGETED]->(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows
// params
{
  "ids": [
    "2024-06-kbc-zagreb-lockbit",
    "2024-06-nhls-south-africa-blacksuit",
    "2024-06-rite-aid-ransomhub"
  ]
}

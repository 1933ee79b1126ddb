// query ($after: String) { incidents(filter: { countryCodes: ["UA"], from: "2022-01-01" }, orderBy: { field: TITLE }, first: 3, after: $after)
//         { totalCount edges { cursor node { key title sectors { key } } } pageInfo { hasNextPage endCursor } } }
// variables {
//   "after": "WyJpbmNpZGVudHM6VElUTEUiLCJTYW5kd29ybSBhdHRlbXB0cyBhZ2FpbnN0IGVuZXJneSwgd2F0ZXIgYW5kIGhlYXRpbmcgc3VwcGxpZXJzIGluIFVrcmFpbmUiLCIyMDI0LTAzLXNhbmR3b3JtLXVrcmFpbmUtdXRpbGl0aWVzIl0"
// }
// 2 statement(s) in 2 wave(s)

// ── wave 1 · read · listAndCountIncidents
UNWIND $parents AS p
CALL (p) {
  UNWIND $countryCodes AS countryCode_1 MATCH (:Country {iso2: countryCode_1})<-[:AFFECTED]-(i:Incident) WITH DISTINCT i
  WHERE i.endDate >= date($from)
  WITH i ORDER BY i.title DESC, i.id DESC
  WITH count(*) AS count, collect(CASE WHEN ((i.title < $after1) OR (i.title = $after1 AND i.id < $after2)) THEN i END)[0..toInteger($limit)] AS page_1
  RETURN count, COLLECT {
    UNWIND page_1 AS i
    RETURN i {.id, .title} AS row
  } AS rows
}
RETURN p.id AS parentId, rows, count
// params
{
  "after1": "Sandworm attempts against energy, water and heating suppliers in Ukraine",
  "after2": "2024-03-sandworm-ukraine-utilities",
  "countryCodes": [
    "UA"
  ],
  "from": "2022-01-01",
  "limit": 4,
  "parents": [
    {
      "id": null
    }
  ]
}

// ── wave 2 · read · incidentSectors
UNWIND $ids AS id MATCH (:Incident {id: id})-[:TARGETED]->(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows
// params
{
  "ids": [
    "2022-10-prestige-ransomware",
    "2022-10-sandworm-ukraine-power-ot",
    "2023-06-storm-0978-ukrainian-world-congress-lures"
  ]
}

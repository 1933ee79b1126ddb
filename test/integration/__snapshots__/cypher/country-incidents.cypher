// { country(code: "UA") { code
//       incidents(filter: { attackTypes: ["WIPER"] }, orderBy: { field: TITLE }, first: 3) { totalCount edges { node { key } } pageInfo { endCursor } } } }
// 2 statement(s) in 2 wave(s)

// ── wave 1 · read · findCountrys
UNWIND $keys AS key MATCH (n:Country {iso2: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "UA"
  ]
}

// ── wave 2 · read · listAndCountIncidents:country
UNWIND $parents AS p
CALL (p) {
  MATCH (:Country {iso2: p.id})<-[:AFFECTED]-(i:Incident) WITH DISTINCT p, i
  WHERE any(t IN i.attackTypes WHERE t IN $attackTypes)
  WITH i ORDER BY i.title DESC, i.id DESC
  WITH count(*) AS count, collect(i)[0..toInteger($limit)] AS page_1
  RETURN count, COLLECT {
    UNWIND page_1 AS i
    RETURN i {.id, .title} AS row
  } AS rows
}
RETURN p.id AS parentId, rows, count
// params
{
  "attackTypes": [
    "WIPER"
  ],
  "limit": 4,
  "parents": [
    {
      "id": "UA"
    }
  ]
}

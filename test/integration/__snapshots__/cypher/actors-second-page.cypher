// query ($after: String) { actors(filter: { types: [STATE, STATE_SPONSORED] }, orderBy: { field: NAME, direction: DESC }, first: 3, after: $after)
//         { totalCount edges { cursor node { key name origin { country { code } } } } pageInfo { hasNextPage endCursor } } }
// variables {
//   "after": "WyJhY3RvcnM6TkFNRSIsInR1cmxhIiwidHVybGEiXQ"
// }
// 3 statement(s) in 3 wave(s)

// ── wave 1 · read · listAndCountActors
UNWIND $parents AS p
CALL (p) {
  MATCH (a:Actor)
  WHERE a.type IN $types
  WITH a, toLower(a.name) AS sortValue
  WITH a, sortValue ORDER BY sortValue DESC, a.id DESC
  WITH count(*) AS count, collect(CASE WHEN ((sortValue < $after1) OR (sortValue = $after1 AND a.id < $after2)) THEN [a, sortValue] END)[0..toInteger($limit)] AS page_1
  RETURN count, COLLECT {
    UNWIND page_1 AS line_1
    WITH line_1[0] AS a, line_1[1] AS sortValue
    RETURN a {.id, .name, sortValue: sortValue} AS row
  } AS rows
}
RETURN p.id AS parentId, rows, count
// params
{
  "after1": "turla",
  "after2": "turla",
  "limit": 4,
  "parents": [
    {
      "id": null
    }
  ],
  "types": [
    "STATE",
    "STATE_SPONSORED"
  ]
}

// ── wave 2 · read · actorOrigins
UNWIND $ids AS id MATCH (:Actor {id: id})-[r:ORIGINATES_FROM]->(c:Country)
WITH id, c, r ORDER BY r.confidence DESC, c.iso2
RETURN id AS parentId, collect({countryCode: c.iso2, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}) AS rows
// params
{
  "ids": [
    "sandworm",
    "sbu-ukraine",
    "star-blizzard"
  ]
}

// ── wave 3 · read · findCountrys
UNWIND $keys AS key MATCH (n:Country {iso2: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "RU",
    "UA"
  ]
}

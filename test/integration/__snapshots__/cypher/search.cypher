// { search(text: "Voodoo Bear", types: [ACTOR, INCIDENT], first: 5) { node { ... on Actor { key origin { country { code } } } ... on Incident { key } } } }
// 3 statement(s) in 3 wave(s)

// ── wave 1 · read · search
CALL () {
  CALL db.index.fulltext.queryNodes('actor_search', $query, {limit: toInteger($limit)}) YIELD node, score
  WHERE 'ACTOR' IN $types
  RETURN 'ACTOR' AS type, node, node.id AS id, score
  UNION ALL
  CALL db.index.fulltext.queryNodes('incident_search', $query, {limit: toInteger($limit)}) YIELD node, score
  WHERE 'INCIDENT' IN $types
  RETURN 'INCIDENT' AS type, node, node.id AS id, score
}
WITH type, node, id, score ORDER BY score DESC, id LIMIT toInteger($limit)
RETURN type, id, score, node {.*} AS row
// params
{
  "limit": 5,
  "query": "Voodoo* AND Bear*",
  "types": [
    "ACTOR",
    "INCIDENT"
  ]
}

// ── wave 2 · read · actorOrigins
UNWIND $ids AS id MATCH (:Actor {id: id})-[r:ORIGINATES_FROM]->(c:Country)
WITH id, c, r ORDER BY r.confidence DESC, c.iso2
RETURN id AS parentId, collect({countryCode: c.iso2, confidence: r.confidence, sourceIds: coalesce(r.sourceIds, [])}) AS rows
// params
{
  "ids": [
    "sandworm"
  ]
}

// ── wave 3 · read · findCountrys
UNWIND $keys AS key MATCH (n:Country {iso2: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "RU"
  ]
}

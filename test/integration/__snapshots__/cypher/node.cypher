// { node(id: "Actor:sandworm") { id ... on Actor { name aliases origin { confidence country { code } sources { url } } } } }
// 4 statement(s) in 3 wave(s)

// ── wave 1 · read · findActors
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {id: key})
OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
RETURN key, n {.*} AS row
// params
{
  "keys": [
    "sandworm"
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

// ── wave 3 · read · findSources
UNWIND $keys AS key MATCH (n:Source {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "src-07e3aa9c66378ef6",
    "src-96c451cd1cfa5310"
  ]
}

// { coTargeting(actorId: "sandworm", by: BOTH, first: 5) { actor { key } score sharedSectors { key } sharedCountries { code } } }
// 5 statement(s) in 3 wave(s)

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

// ── wave 2 · read · analysis:coTargeting
CALL () {
  MATCH (i:Incident)

  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor)
  WITH DISTINCT i, a
  CALL (i) { MATCH (i)-[:TARGETED]->(s:Sector) RETURN collect(DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s)) AS sectors }
  CALL (i) { MATCH (i)-[:AFFECTED]->(c:Country) RETURN collect(DISTINCT c) AS countries }
  UNWIND [x IN sectors | {kind: 'sector', key: x.id}] + [x IN countries | {kind: 'country', key: x.iso2}] AS feature
  WITH a, feature WHERE feature.kind IN $kinds
  RETURN a, feature
}
WITH a, collect(DISTINCT feature) AS features
WITH collect({id: a.id, features: features}) AS actors
WITH actors, [x IN actors WHERE x.id = $actorId][0] AS me
UNWIND actors AS other
WITH me, other WHERE me IS NOT NULL AND other.id <> me.id
WITH me, other, [f IN me.features WHERE f IN other.features] AS shared
WHERE size(shared) > 0
WITH other.id AS actorId, shared,
     toFloat(size(shared)) / (size(me.features) + size(other.features) - size(shared)) AS score
RETURN actorId, score,
       [f IN shared WHERE f.kind = 'sector' | f.key] AS sharedSectorIds,
       [f IN shared WHERE f.kind = 'country' | f.key] AS sharedCountryCodes
ORDER BY score DESC, size(shared) DESC, actorId
LIMIT toInteger($limit)
// params
{
  "actorId": "sandworm",
  "kinds": [
    "sector",
    "country"
  ],
  "limit": 5
}

// ── wave 3 · read · findActors
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {id: key})
OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
RETURN key, n {.*} AS row
// params
{
  "keys": [
    "apt28",
    "cyber-army-of-russia-reborn",
    "gru-unspecified",
    "killnet",
    "russian-state-unspecified"
  ]
}

// ── wave 3 · read · findSectors
UNWIND $keys AS key MATCH (n:Sector {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "defence",
    "digital-infrastructure",
    "energy",
    "entertainment-and-hospitality",
    "finance",
    "food-and-agriculture",
    "health",
    "manufacturing",
    "media",
    "mining",
    "public-administration",
    "space",
    "telecommunications",
    "transport",
    "water"
  ]
}

// ── wave 3 · read · findCountrys
UNWIND $keys AS key MATCH (n:Country {iso2: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "DE",
    "DK",
    "FR",
    "GB",
    "KR",
    "NL",
    "PL",
    "RU",
    "UA",
    "US"
  ]
}

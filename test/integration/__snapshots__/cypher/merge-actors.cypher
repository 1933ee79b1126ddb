// mutation ($s: ID!, $sv: Int!, $t: ID!, $tv: Int!) { mergeActors(sourceId: $s, sourceVersion: $sv, targetId: $t, targetVersion: $tv) { changeId target { key version aliases } } }
// variables {
//   "s": "Actor:solntsepek",
//   "sv": 1,
//   "t": "Actor:sandworm",
//   "tv": 1
// }
// 4 statement(s) in 1 wave(s)

// ── wave 1 · transaction mergeActors · 1 of 4 · lockReferences
CALL () {
  UNWIND $incidents AS key
  MATCH (n:Incident {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH found AS incidents
CALL () {
  UNWIND $actors AS key
  MATCH (n:Actor {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, found AS actors
CALL () {
  UNWIND $organizations AS key
  MATCH (n:Organization {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, actors, found AS organizations
CALL () {
  UNWIND $campaigns AS key
  MATCH (n:Campaign {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, actors, organizations, found AS campaigns
CALL () {
  UNWIND $sources AS key
  MATCH (n:Source {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect({id: n.id, url: n.url}) AS found
}
RETURN incidents, actors, organizations, campaigns, found AS sources
// params
{
  "actors": [
    "sandworm",
    "solntsepek"
  ],
  "campaigns": [],
  "incidents": [],
  "organizations": [],
  "sources": []
}

// ── wave 1 · transaction mergeActors · 2 of 4 · lockMergeSnapshot
OPTIONAL MATCH (s:Actor {id: $sourceId})
OPTIONAL MATCH (t:Actor {id: $targetId})
CALL (s) {
  MATCH (x)-[r:ATTRIBUTED_TO|SUGGESTS]->(s)
  WITH DISTINCT x ORDER BY x.id
  SET x._lock = true REMOVE x._lock
}
RETURN properties(s) AS source, properties(t) AS target,
       COLLECT { MATCH (s)-[r:AFFILIATED_WITH]-(t) RETURN {outgoing: startNode(r) = s, props: properties(r)} } AS between,
       COLLECT { MATCH (m:MergedActor)-[:MERGED_INTO]->(s) RETURN m.id } AS repointed,
       COLLECT { MATCH (:MergedActor {id: $sourceId})-[:MERGED_INTO]->(x:Actor) RETURN x.id }[0] AS sourceMergedInto,
       COLLECT { MATCH (:MergedActor {id: $targetId})-[:MERGED_INTO]->(x:Actor) RETURN x.id }[0] AS targetMergedInto
// params
{
  "sourceId": "solntsepek",
  "targetId": "sandworm"
}

// ── wave 1 · transaction mergeActors · 3 of 4 · mergeActors
MATCH (s:Actor {id: $sourceId}), (t:Actor {id: $targetId})
CALL (s, t) {
  MATCH (x)-[r:ATTRIBUTED_TO]->(s) WHERE x <> t
  CREATE (x)-[moved:ATTRIBUTED_TO]->(t) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (x)-[r:SUGGESTS]->(s) WHERE x <> t
  CREATE (x)-[moved:SUGGESTS]->(t) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:ORIGINATES_FROM]->(x) WHERE x <> t
  CREATE (t)-[moved:ORIGINATES_FROM]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:SPONSORED_BY]->(x) WHERE x <> t
  CREATE (t)-[moved:SPONSORED_BY]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:TARGETS]->(x) WHERE x <> t
  CREATE (t)-[moved:TARGETS]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:AFFILIATED_WITH]->(x) WHERE x <> t
  CREATE (t)-[moved:AFFILIATED_WITH]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (x)-[r:AFFILIATED_WITH]->(s) WHERE x <> t
  CREATE (x)-[moved:AFFILIATED_WITH]->(t) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (s)-[r:FROM_DATASET]->(x) WHERE x <> t
  CREATE (t)-[moved:FROM_DATASET]->(x) SET moved = properties(r) SET moved.mergedFrom = $sourceId
  DELETE r
}
CALL (s, t) {
  MATCH (m:MergedActor)-[e:MERGED_INTO]->(s) CREATE (m)-[:MERGED_INTO]->(t) DELETE e
}
SET t.aliases = reduce(acc = [], x IN coalesce(t.aliases, []) + [s.name] + coalesce(s.aliases, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    t.externalIds = reduce(acc = [], x IN coalesce(t.externalIds, []) + coalesce(s.externalIds, []) | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    t.mergedIds = coalesce(t.mergedIds, []) + s.id,
    t.version = $targetVersion + 1
WITH s, t
DETACH DELETE s
CREATE (:MergedActor {id: $sourceId, mergedAt: datetime.realtime()})-[:MERGED_INTO]->(t)
WITH t
CREATE (:Change {id: $changeId, at: datetime.realtime(), by: $change.by, via: $change.via,
  action: 'MERGE', entityType: 'Actor', entityKey: $targetId, before: $change.before, after: $change.after})
CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
  action: 'MERGE', entityType: 'Actor', entityKey: $sourceId, before: $change.before, after: $change.after})
RETURN t {.*} AS target
// params
{
  "change": {
    "action": "MERGE",
    "after": "{\"targetVersion\":2}",
    "before": "{\"source\":{\"motivations\":[\"SABOTAGE\",\"INFLUENCE\"],\"aliases\":[\"Solntsepyok\"],\"firstSeen\":\"2023\",\"externalIds\":[],\"name\":\"Solntsepek\",\"description\":\"Self-described hacktivist persona that claimed the December 2023 Kyivstar attack. Mandiant assesses it to be a front for Sandworm (APT44).\",\"id\":\"solntsepek\",\"type\":\"HACKTIVIST\",\"version\":1},\"target\":{\"motivations\":[\"SABOTAGE\",\"ESPIONAGE\",\"INFLUENCE\"],\"aliases\":[\"Sandworm Team\",\"Voodoo Bear\",\"IRIDIUM\",\"Seashell Blizzard\",\"APT44\",\"ELECTRUM\",\"TeleBots\",\"Iron Viking\",\"GRU Unit 74455\",\"GTsST\"],\"firstSeen\":\"2009\",\"externalIds\":[\"G0034\"],\"name\":\"Sandworm\",\"description\":\"Russian military intelligence (GRU) cyber unit that the US Department of Justice identifies as Unit 74455 (Main Centre for Special Technologies). It has been charged with or attributed the 2015 and 2016 Ukrainian power-grid attacks, NotPetya and Olympic Destroyer.\",\"id\":\"sandworm\",\"type\":\"STATE\",\"version\":1},\"between\":[{\"outgoing\":true,\"props\":{\"kind\":\"SUBGROUP\"}}],\"repointed\":[]}",
    "by": "ad",
    "entityKey": "sandworm",
    "entityType": "Actor",
    "via": "api-key"
  },
  "changeId": "<uuid>",
  "sourceId": "solntsepek",
  "targetId": "sandworm",
  "targetVersion": 1
}

// ── wave 1 · transaction mergeActors · 4 of 4 · targetProfiles:refresh
UNWIND $actorIds AS actorId
WITH DISTINCT actorId
CALL (actorId) { MATCH (old:TargetProfile {actorId: actorId}) DELETE old }
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE r.status <> 'RETRACTED'
  WITH j, toFloat(max(coalesce(r.confidence, 0))) AS confidence
  // One walk over the incident's links finds its sectors, countries and campaigns alike.
  WITH j, confidence,
       COLLECT {
         MATCH (j)-[e:TARGETED|AFFECTED|PART_OF]->(n)
         WITH DISTINCT CASE type(e)
           WHEN 'TARGETED' THEN ['SECTOR', coalesce([(n)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], n).id]
           WHEN 'AFFECTED' THEN ['COUNTRY', n.iso2]
           ELSE ['CAMPAIGN', n.id] END AS feature
         RETURN feature
       } + [v IN COLLECT { UNWIND coalesce(j.attackTypes, []) AS t RETURN DISTINCT t } | ['ATTACK_TYPE', v]] AS features
  // A missing date leaves the bound open (null), as an undated incident's gap counts as none.
  RETURN count(j) AS incidents,
         CASE WHEN count(j.startDate) = count(j) THEN min(j.startDate) END AS firstStart,
         CASE WHEN count(j.endDate) = count(j) THEN min(j.endDate) END AS firstEnd,
         CASE WHEN count(j.endDate) = count(j) THEN max(j.endDate) END AS lastEnd,
         collect({confidence: confidence, features: features}) AS rows
}
WITH a, incidents, firstStart, firstEnd, lastEnd, rows WHERE incidents > 0
CALL (rows) {
  UNWIND rows AS row
  UNWIND row.features AS feature
  WITH feature[0] AS kind, feature[1] AS key, count(*) AS incidents, max(row.confidence) AS confidence
  ORDER BY kind, key
  RETURN collect({kind: kind, key: key, incidents: incidents, confidence: confidence}) AS features
}
WITH a, incidents, firstStart, firstEnd, lastEnd,
     [f IN features WHERE f.kind = 'SECTOR'] AS sectors,
     [f IN features WHERE f.kind = 'COUNTRY'] AS countries,
     [f IN features WHERE f.kind = 'ATTACK_TYPE'] AS types,
     [f IN features WHERE f.kind = 'CAMPAIGN'] AS campaigns
CREATE (:TargetProfile {
  actorId: a.id, incidents: incidents, firstStart: firstStart, firstEnd: firstEnd, lastEnd: lastEnd,
  sectorIds: [f IN sectors | f.key], sectorIncidents: [f IN sectors | f.incidents],
  sectorConfidence: [f IN sectors | f.confidence],
  countryCodes: [f IN countries | f.key], countryIncidents: [f IN countries | f.incidents],
  countryConfidence: [f IN countries | f.confidence],
  attackTypes: [f IN types | f.key], attackTypeIncidents: [f IN types | f.incidents],
  attackTypeConfidence: [f IN types | f.confidence],
  campaignIds: [f IN campaigns | f.key], campaignIncidents: [f IN campaigns | f.incidents],
  campaignConfidence: [f IN campaigns | f.confidence]
})
RETURN count(*) AS refreshed
// params
{
  "actorIds": [
    "solntsepek",
    "sandworm"
  ]
}

// mutation ($c: ID!) { undoMerge(changeId: $c) { key version } }
// variables {
//   "c": "<uuid>"
// }
// 5 statement(s) in 2 wave(s)

// ── wave 1 · read · mergeChange
MATCH (ch:Change {id: $changeId}) RETURN ch.action AS action, ch.before AS before, ch.after AS after
// params
{
  "changeId": "<uuid>"
}

// ── wave 2 · transaction undoMerge · 1 of 4 · lockReferences
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
    "sandworm"
  ],
  "campaigns": [],
  "incidents": [],
  "organizations": [],
  "sources": []
}

// ── wave 2 · transaction undoMerge · 2 of 4 · lockUndoState
OPTIONAL MATCH (t:Actor {id: $targetId})
CALL (t) {
  MATCH (x)-[r:ATTRIBUTED_TO|SUGGESTS]->(t) WHERE r.mergedFrom = $sourceId
  WITH DISTINCT x ORDER BY x.id
  SET x._lock = true REMOVE x._lock
}
RETURN CASE WHEN t IS NULL THEN null ELSE coalesce(t.version, 0) END AS targetVersion,
       EXISTS { (:MergedActor {id: $sourceId})-[:MERGED_INTO]->(t) } AS tombstone
// params
{
  "sourceId": "solntsepek",
  "targetId": "sandworm"
}

// ── wave 2 · transaction undoMerge · 3 of 4 · undoMerge
MATCH (m:MergedActor {id: $sourceId})-[:MERGED_INTO]->(t:Actor {id: $targetId})
MERGE (s:Actor {id: $sourceId}) ON CREATE SET s._created = true
WITH * WHERE s._created
REMOVE s._created
SET s = $sourceProps, s.version = coalesce($sourceProps.version, 0) + 1
WITH s, t, m
CALL (t, s) {
  MATCH (x)-[r:ATTRIBUTED_TO]->(t) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (x)-[moved:ATTRIBUTED_TO]->(s) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (x)-[r:SUGGESTS]->(t) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (x)-[moved:SUGGESTS]->(s) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:ORIGINATES_FROM]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:ORIGINATES_FROM]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:SPONSORED_BY]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:SPONSORED_BY]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:TARGETS]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:TARGETS]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:AFFILIATED_WITH]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:AFFILIATED_WITH]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (x)-[r:AFFILIATED_WITH]->(t) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (x)-[moved:AFFILIATED_WITH]->(s) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (t, s) {
  MATCH (t)-[r:FROM_DATASET]->(x) WHERE x <> s AND r.mergedFrom = $sourceId
  CREATE (s)-[moved:FROM_DATASET]->(x) SET moved = properties(r) REMOVE moved.mergedFrom
  DELETE r
}
CALL (s, t) {
  UNWIND $between AS tie
  FOREACH (_ IN CASE WHEN tie.outgoing THEN [1] ELSE [] END | CREATE (s)-[r:AFFILIATED_WITH]->(t) SET r = tie.props)
  FOREACH (_ IN CASE WHEN tie.outgoing THEN [] ELSE [1] END | CREATE (t)-[r:AFFILIATED_WITH]->(s) SET r = tie.props)
}
CALL (s, t) {
  MATCH (x:MergedActor)-[e:MERGED_INTO]->(t) WHERE x.id IN $repointed
  CREATE (x)-[:MERGED_INTO]->(s) DELETE e
}
SET t.aliases = $targetProps.aliases, t.externalIds = $targetProps.externalIds,
    t.mergedIds = $targetProps.mergedIds, t.version = $targetVersion + 1
DETACH DELETE m
WITH s
CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
  action: 'UNDO_MERGE', entityType: 'Actor', entityKey: $sourceId, before: $change.before, after: $change.after})
CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by, via: $change.via,
  action: 'UNDO_MERGE', entityType: 'Actor', entityKey: $targetId, before: $change.before, after: $change.after})
RETURN s {.*} AS source
// params
{
  "between": [
    {
      "outgoing": true,
      "props": {
        "kind": "SUBGROUP"
      }
    }
  ],
  "change": {
    "action": "UNDO_MERGE",
    "after": "{\"source\":{\"motivations\":[\"SABOTAGE\",\"INFLUENCE\"],\"aliases\":[\"Solntsepyok\"],\"firstSeen\":\"2023\",\"externalIds\":[],\"name\":\"Solntsepek\",\"description\":\"Self-described hacktivist persona that claimed the December 2023 Kyivstar attack. Mandiant assesses it to be a front for Sandworm (APT44).\",\"id\":\"solntsepek\",\"type\":\"HACKTIVIST\",\"version\":1},\"target\":{\"motivations\":[\"SABOTAGE\",\"ESPIONAGE\",\"INFLUENCE\"],\"aliases\":[\"Sandworm Team\",\"Voodoo Bear\",\"IRIDIUM\",\"Seashell Blizzard\",\"APT44\",\"ELECTRUM\",\"TeleBots\",\"Iron Viking\",\"GRU Unit 74455\",\"GTsST\"],\"firstSeen\":\"2009\",\"externalIds\":[\"G0034\"],\"name\":\"Sandworm\",\"description\":\"Russian military intelligence (GRU) cyber unit that the US Department of Justice identifies as Unit 74455 (Main Centre for Special Technologies). It has been charged with or attributed the 2015 and 2016 Ukrainian power-grid attacks, NotPetya and Olympic Destroyer.\",\"id\":\"sandworm\",\"type\":\"STATE\",\"version\":1},\"between\":[{\"outgoing\":true,\"props\":{\"kind\":\"SUBGROUP\"}}],\"repointed\":[]}",
    "before": "{\"mergeChangeId\":\"<uuid>\"}",
    "by": "ad",
    "entityKey": "solntsepek",
    "entityType": "Actor",
    "via": "api-key"
  },
  "repointed": [],
  "sourceId": "solntsepek",
  "sourceProps": {
    "aliases": [
      "Solntsepyok"
    ],
    "description": "Self-described hacktivist persona that claimed the December 2023 Kyivstar attack. Mandiant assesses it to be a front for Sandworm (APT44).",
    "externalIds": [],
    "firstSeen": "2023",
    "id": "solntsepek",
    "motivations": [
      "SABOTAGE",
      "INFLUENCE"
    ],
    "name": "Solntsepek",
    "type": "HACKTIVIST",
    "version": 1
  },
  "targetId": "sandworm",
  "targetProps": {
    "aliases": [
      "Sandworm Team",
      "Voodoo Bear",
      "IRIDIUM",
      "Seashell Blizzard",
      "APT44",
      "ELECTRUM",
      "TeleBots",
      "Iron Viking",
      "GRU Unit 74455",
      "GTsST"
    ],
    "externalIds": [
      "G0034"
    ],
    "mergedIds": null
  },
  "targetVersion": 2
}

// ── wave 2 · transaction undoMerge · 4 of 4 · targetProfiles:refresh
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

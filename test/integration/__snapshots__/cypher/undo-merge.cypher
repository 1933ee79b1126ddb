// mutation ($c: ID!) { undoMerge(changeId: $c) { key version } }
// variables {
//   "c": "<uuid>"
// }
// 4 statement(s) in 2 wave(s)

// ── wave 1 · read · mergeChange
MATCH (ch:Change {id: $changeId}) RETURN ch.action AS action, ch.before AS before, ch.after AS after
// params
{
  "changeId": "<uuid>"
}

// ── wave 2 · transaction undoMerge · 1 of 3 · lockReferences
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

// ── wave 2 · transaction undoMerge · 2 of 3 · lockUndoState
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

// ── wave 2 · transaction undoMerge · 3 of 3 · undoMerge
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

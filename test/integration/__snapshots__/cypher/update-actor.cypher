// mutation ($id: ID!, $version: Int!, $patch: ActorPatch!) { updateActor(id: $id, version: $version, patch: $patch) { version description } }
// variables {
//   "id": "Actor:snapshot-crew",
//   "patch": {
//     "description": "Recorded."
//   },
//   "version": 1
// }
// 2 statement(s) in 1 wave(s)

// ── wave 1 · transaction updateActor · 1 of 2 · Actor:lockForEdit
MATCH (n:Actor {id: $id})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = $id
  RETURN properties(n) AS props, {} AS links, COUNT { (:Incident|Campaign)-[:ATTRIBUTED_TO]->(n) } + COUNT { (:Hypothesis)-[:SUGGESTS]->(n) } AS dependents
// params
{
  "id": "snapshot-crew"
}

// ── wave 1 · transaction updateActor · 2 of 2 · Actor:update
MATCH (n:Actor {id: $id})
 SET n = $props


 WITH n
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN n {.*} AS node
// params
{
  "change": {
    "action": "UPDATE",
    "after": "{\"motivations\":[],\"aliases\":[\"SC\"],\"firstSeen\":\"2023-04\",\"externalIds\":[],\"name\":\"Snapshot Crew\",\"id\":\"snapshot-crew\",\"type\":\"CRIMINAL\",\"version\":2,\"description\":\"Recorded.\",\"lastSeen\":null}",
    "before": "{\"motivations\":[],\"aliases\":[\"SC\"],\"firstSeen\":\"2023-04\",\"externalIds\":[],\"name\":\"Snapshot Crew\",\"id\":\"snapshot-crew\",\"type\":\"CRIMINAL\",\"version\":1}",
    "by": "ed",
    "entityKey": "snapshot-crew",
    "entityType": "Actor",
    "via": "api-key"
  },
  "id": "snapshot-crew",
  "links": {},
  "props": {
    "aliases": [
      "SC"
    ],
    "description": "Recorded.",
    "externalIds": [],
    "firstSeen": "2023-04",
    "id": "snapshot-crew",
    "lastSeen": null,
    "motivations": [],
    "name": "Snapshot Crew",
    "type": "CRIMINAL",
    "version": 2
  }
}

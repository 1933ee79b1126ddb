// mutation ($id: ID!, $version: Int!) { deleteActor(id: $id, version: $version) { id } }
// variables {
//   "id": "Actor:snapshot-crew",
//   "version": 2
// }
// 2 statement(s) in 1 wave(s)

// ── wave 1 · transaction deleteActor · 1 of 2 · Actor:lockForEdit
MATCH (n:Actor {id: $id})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = $id
  RETURN properties(n) AS props, {} AS links, COUNT { (:Incident|Campaign)-[:ATTRIBUTED_TO]->(n) } + COUNT { (:Hypothesis)-[:SUGGESTS]->(n) } AS dependents
// params
{
  "id": "snapshot-crew"
}

// ── wave 1 · transaction deleteActor · 2 of 2 · Actor:delete
MATCH (n:Actor {id: $id})
 DETACH DELETE n
 WITH 1 AS done
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN ch.id AS changeId
// params
{
  "change": {
    "action": "DELETE",
    "after": null,
    "before": "{\"motivations\":[],\"aliases\":[\"SC\"],\"firstSeen\":\"2023-04\",\"externalIds\":[],\"name\":\"Snapshot Crew\",\"description\":\"Recorded.\",\"id\":\"snapshot-crew\",\"type\":\"CRIMINAL\",\"version\":2}",
    "by": "ad",
    "entityKey": "snapshot-crew",
    "entityType": "Actor",
    "via": "api-key"
  },
  "id": "snapshot-crew"
}

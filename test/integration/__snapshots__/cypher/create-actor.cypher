// mutation ($input: ActorInput!) { createActor(input: $input) { id key version } }
// variables {
//   "input": {
//     "aliases": [
//       "SC"
//     ],
//     "firstSeen": "2023-04",
//     "name": "Snapshot Crew",
//     "type": "CRIMINAL"
//   }
// }
// 1 statement(s) in 1 wave(s)

// ── wave 1 · transaction createActor · 1 of 1 · Actor:create
MERGE (n:Actor {id: $props.id}) ON CREATE SET n._created = true
 WITH * WHERE n._created
 REMOVE n._created
 SET n = $props


 WITH n
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN n {.*} AS node
// params
{
  "change": {
    "action": "CREATE",
    "after": "{\"id\":\"snapshot-crew\",\"name\":\"Snapshot Crew\",\"aliases\":[\"SC\"],\"type\":\"CRIMINAL\",\"motivations\":[],\"description\":null,\"firstSeen\":\"2023-04\",\"lastSeen\":null,\"externalIds\":[],\"version\":1}",
    "before": null,
    "by": "ed",
    "entityKey": "snapshot-crew",
    "entityType": "Actor",
    "via": "api-key"
  },
  "links": {},
  "props": {
    "aliases": [
      "SC"
    ],
    "description": null,
    "externalIds": [],
    "firstSeen": "2023-04",
    "id": "snapshot-crew",
    "lastSeen": null,
    "motivations": [],
    "name": "Snapshot Crew",
    "type": "CRIMINAL",
    "version": 1
  }
}

// mutation ($sourceIds: [ID!]!) { addAttribution(incidentId: "Incident:2022-02-viasat-ka-sat", actorId: "apt28", confidence: 15, basis: MEDIA, claimedBy: "A newspaper", sourceIds: $sourceIds) { id version confidence status actor { key } sources { url } } }
// variables {
//   "sourceIds": [
//     "Source:src-08081ea9debdcf6d"
//   ]
// }
// 4 statement(s) in 2 wave(s)

// ── wave 1 · transaction addAttribution · 1 of 2 · lockReferences
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
    "apt28"
  ],
  "campaigns": [],
  "incidents": [
    "2022-02-viasat-ka-sat"
  ],
  "organizations": [],
  "sources": [
    "src-08081ea9debdcf6d"
  ]
}

// ── wave 1 · transaction addAttribution · 2 of 2 · addAttribution
MATCH (i:Incident {id: $incidentId}), (a:Actor {id: $actorId})
 CREATE (i)-[r:ATTRIBUTED_TO]->(a) SET r = $props
 WITH r, a
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN r {.*, id: coalesce(r.id, elementId(r)), actorId: a.id, sourceIds: coalesce(r.sourceIds, [])} AS claim
// params
{
  "actorId": "apt28",
  "change": {
    "action": "ADD_ATTRIBUTION",
    "after": "{\"actorId\":\"apt28\",\"id\":\"claim-<uuid>\",\"confidence\":15,\"basis\":\"MEDIA\",\"status\":\"ATTRIBUTED\",\"claimedBy\":\"A newspaper\",\"assessedAt\":null,\"sourceIds\":[\"src-08081ea9debdcf6d\"],\"version\":1}",
    "before": null,
    "by": "ed",
    "entityKey": "2022-02-viasat-ka-sat",
    "entityType": "Incident",
    "via": "api-key"
  },
  "incidentId": "2022-02-viasat-ka-sat",
  "props": {
    "assessedAt": null,
    "basis": "MEDIA",
    "claimedBy": "A newspaper",
    "confidence": 15,
    "id": "claim-<uuid>",
    "sourceIds": [
      "src-08081ea9debdcf6d"
    ],
    "status": "ATTRIBUTED",
    "version": 1
  }
}

// ── wave 2 · read · findActors
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {id: key})
OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
RETURN key, n {.*} AS row
// params
{
  "keys": [
    "apt28"
  ]
}

// ── wave 2 · read · findSources
UNWIND $keys AS key MATCH (n:Source {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "src-08081ea9debdcf6d"
  ]
}

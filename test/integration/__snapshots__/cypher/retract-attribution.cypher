// mutation ($id: ID!, $version: Int!) { retractAttribution(id: $id, version: $version) { id version confidence status actor { key } sources { url } } }
// variables {
//   "id": "claim-<uuid>",
//   "version": 2
// }
// 4 statement(s) in 2 wave(s)

// ── wave 1 · transaction retractAttribution · 1 of 2 · lockClaimForEdit
MATCH (found:Incident)-[r:ATTRIBUTED_TO]->(:Actor) WHERE coalesce(r.id, elementId(r)) = $id
WITH found AS i, found.id AS incidentId LIMIT 1
SET i._lock = true REMOVE i._lock
WITH * WHERE i.id = incidentId
MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE coalesce(r.id, elementId(r)) = $id
RETURN incidentId, r {.*, id: coalesce(r.id, elementId(r)), actorId: a.id, sourceIds: coalesce(r.sourceIds, [])} AS claim
// params
{
  "id": "claim-<uuid>"
}

// ── wave 1 · transaction retractAttribution · 2 of 2 · updateAttribution
MATCH (:Incident {id: $incidentId})-[r:ATTRIBUTED_TO]->(a:Actor) WHERE coalesce(r.id, elementId(r)) = $id
 SET r = $props
 WITH r, a
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN r {.*, id: coalesce(r.id, elementId(r)), actorId: a.id, sourceIds: coalesce(r.sourceIds, [])} AS claim
// params
{
  "change": {
    "action": "RETRACT_ATTRIBUTION",
    "after": "{\"actorId\":\"apt28\",\"id\":\"claim-<uuid>\",\"sourceIds\":[\"src-08081ea9debdcf6d\"],\"confidence\":50,\"basis\":\"MEDIA\",\"claimedBy\":\"A newspaper\",\"version\":3,\"status\":\"RETRACTED\"}",
    "before": "{\"actorId\":\"apt28\",\"id\":\"claim-<uuid>\",\"sourceIds\":[\"src-08081ea9debdcf6d\"],\"confidence\":50,\"basis\":\"MEDIA\",\"claimedBy\":\"A newspaper\",\"version\":2,\"status\":\"SUSPECTED\"}",
    "by": "ed",
    "entityKey": "2022-02-viasat-ka-sat",
    "entityType": "Incident",
    "via": "api-key"
  },
  "id": "claim-<uuid>",
  "incidentId": "2022-02-viasat-ka-sat",
  "props": {
    "basis": "MEDIA",
    "claimedBy": "A newspaper",
    "confidence": 50,
    "id": "claim-<uuid>",
    "sourceIds": [
      "src-08081ea9debdcf6d"
    ],
    "status": "RETRACTED",
    "version": 3
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

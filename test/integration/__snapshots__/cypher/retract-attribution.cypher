// mutation ($id: ID!, $version: Int!) { retractAttribution(id: $id, version: $version) { id version confidence status actor { key } sources { url } } }
// variables {
//   "id": "claim-<uuid>",
//   "version": 2
// }
// 5 statement(s) in 2 wave(s)

// ── wave 1 · transaction retractAttribution · 1 of 3 · lockClaimForEdit
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

// ── wave 1 · transaction retractAttribution · 2 of 3 · updateAttribution
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

// ── wave 1 · transaction retractAttribution · 3 of 3 · targetProfiles:refresh
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
    "apt28"
  ]
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

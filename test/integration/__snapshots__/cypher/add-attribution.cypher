// mutation ($sourceIds: [ID!]!) { addAttribution(incidentId: "Incident:2022-02-viasat-ka-sat", actorId: "apt28", confidence: 15, basis: MEDIA, claimedBy: "A newspaper", sourceIds: $sourceIds) { id version confidence status actor { key } sources { url } } }
// variables {
//   "sourceIds": [
//     "Source:src-08081ea9debdcf6d"
//   ]
// }
// 5 statement(s) in 2 wave(s)

// ── wave 1 · transaction addAttribution · 1 of 3 · lockReferences
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

// ── wave 1 · transaction addAttribution · 2 of 3 · addAttribution
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

// ── wave 1 · transaction addAttribution · 3 of 3 · targetProfiles:refresh
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

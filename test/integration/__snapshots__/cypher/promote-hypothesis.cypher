// mutation ($id: ID!, $version: Int!, $sourceIds: [ID!]) { promoteHypothesis(id: $id, version: $version, basis: ACADEMIC, sourceIds: $sourceIds) { id version status incident { key } actor { key } promotedClaimId } }
// variables {
//   "id": "hyp-<uuid>",
//   "sourceIds": [
//     "Source:src-e440b4ac304165e0"
//   ],
//   "version": 1
// }
// 5 statement(s) in 2 wave(s)

// ── wave 1 · transaction promoteHypothesis · 1 of 3 · lockHypothesis
MATCH (h:Hypothesis {id: $id})
SET h._lock = true REMOVE h._lock
WITH * WHERE h.id = $id
RETURN h {.*,
 createdAt: toString(h.createdAt), updatedAt: toString(h.updatedAt),
 incidentId: COLLECT { MATCH (h)-[:ABOUT]->(i:Incident) RETURN i.id }[0],
 actorId: COLLECT { MATCH (h)-[:SUGGESTS]->(a:Actor) RETURN a.id }[0],
 evidenceIncidentIds: COLLECT { MATCH (h)-[:EVIDENCE]->(e:Incident) RETURN e.id ORDER BY e.id },
 evidenceSourceIds: COLLECT { MATCH (h)-[:EVIDENCE]->(e:Source) RETURN e.id ORDER BY e.id },
 savedSuggestions: coalesce(h.savedSuggestions, []),
 promotedClaimId: h.promotedClaimId} AS hypothesis
// params
{
  "id": "hyp-<uuid>"
}

// ── wave 1 · transaction promoteHypothesis · 2 of 3 · lockReferences
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
    "2017-06-notpetya-maersk"
  ],
  "organizations": [],
  "sources": [
    "src-e440b4ac304165e0"
  ]
}

// ── wave 1 · transaction promoteHypothesis · 3 of 3 · promoteHypothesis
MATCH (h:Hypothesis {id: $id})
 MATCH (h)-[:ABOUT]->(i:Incident), (h)-[:SUGGESTS]->(a:Actor)
 CREATE (i)-[r:ATTRIBUTED_TO]->(a) SET r = $claim
 SET h.promotedClaimId = $claim.id, h.version = $version + 1, h.updatedAt = datetime.realtime()
 WITH h, i
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 CREATE (:Change {id: randomUUID(), at: datetime.realtime(), by: $claimChange.by, via: $claimChange.via,
   action: $claimChange.action, entityType: $claimChange.entityType, entityKey: $claimChange.entityKey,
   before: $claimChange.before, after: $claimChange.after})
 RETURN h {.*,
  createdAt: toString(h.createdAt), updatedAt: toString(h.updatedAt),
  incidentId: COLLECT { MATCH (h)-[:ABOUT]->(i:Incident) RETURN i.id }[0],
  actorId: COLLECT { MATCH (h)-[:SUGGESTS]->(a:Actor) RETURN a.id }[0],
  evidenceIncidentIds: COLLECT { MATCH (h)-[:EVIDENCE]->(e:Incident) RETURN e.id ORDER BY e.id },
  evidenceSourceIds: COLLECT { MATCH (h)-[:EVIDENCE]->(e:Source) RETURN e.id ORDER BY e.id },
  savedSuggestions: coalesce(h.savedSuggestions, []),
  promotedClaimId: h.promotedClaimId} AS hypothesis
// params
{
  "change": {
    "action": "UPDATE",
    "after": "{\"createdAt\":\"<timestamp>\",\"savedSuggestions\":[],\"promotedClaimId\":\"claim-<uuid>\",\"actorId\":\"apt28\",\"incidentId\":\"2017-06-notpetya-maersk\",\"evidenceIncidentIds\":[],\"evidenceSourceIds\":[],\"updatedAt\":\"<timestamp>\",\"author\":\"ed\",\"confidence\":40,\"id\":\"hyp-<uuid>\",\"rationale\":\"Same tooling as a 2016 operation.\",\"version\":2,\"status\":\"SUPPORTED\"}",
    "before": "{\"createdAt\":\"<timestamp>\",\"savedSuggestions\":[],\"promotedClaimId\":null,\"actorId\":\"apt28\",\"incidentId\":\"2017-06-notpetya-maersk\",\"evidenceIncidentIds\":[],\"evidenceSourceIds\":[],\"updatedAt\":\"<timestamp>\",\"author\":\"ed\",\"confidence\":40,\"id\":\"hyp-<uuid>\",\"rationale\":\"Same tooling as a 2016 operation.\",\"version\":1,\"status\":\"SUPPORTED\"}",
    "by": "ed",
    "entityKey": "hyp-<uuid>",
    "entityType": "Hypothesis",
    "via": "api-key"
  },
  "claim": {
    "assessedAt": "<today>",
    "basis": "ACADEMIC",
    "claimedBy": "ed",
    "confidence": 40,
    "id": "claim-<uuid>",
    "sourceIds": [
      "src-e440b4ac304165e0"
    ],
    "status": "ATTRIBUTED",
    "version": 1
  },
  "claimChange": {
    "action": "ADD_ATTRIBUTION",
    "after": "{\"actorId\":\"apt28\",\"fromHypothesis\":\"hyp-<uuid>\",\"id\":\"claim-<uuid>\",\"confidence\":40,\"basis\":\"ACADEMIC\",\"status\":\"ATTRIBUTED\",\"claimedBy\":\"ed\",\"assessedAt\":\"<today>\",\"sourceIds\":[\"src-e440b4ac304165e0\"],\"version\":1}",
    "before": null,
    "by": "ed",
    "entityKey": "2017-06-notpetya-maersk",
    "entityType": "Incident",
    "via": "api-key"
  },
  "id": "hyp-<uuid>",
  "version": 1
}

// ── wave 2 · read · findIncidents
UNWIND $keys AS key MATCH (n:Incident {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "2017-06-notpetya-maersk"
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

// mutation ($input: HypothesisInput!) { createHypothesis(input: $input) { id version status incident { key } actor { key } promotedClaimId } }
// variables {
//   "input": {
//     "actorId": "apt28",
//     "confidence": 40,
//     "incidentId": "Incident:2017-06-notpetya-maersk",
//     "rationale": "Same tooling as a 2016 operation.",
//     "status": "SUPPORTED"
//   }
// }
// 4 statement(s) in 2 wave(s)

// ── wave 1 · transaction createHypothesis · 1 of 2 · lockReferences
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
  "sources": []
}

// ── wave 1 · transaction createHypothesis · 2 of 2 · createHypothesis
MATCH (i:Incident {id: $incidentId}), (a:Actor {id: $actorId})
 CREATE (h:Hypothesis {id: $id, version: 1, status: $status, confidence: $confidence,
   rationale: $rationale, author: $author, createdAt: datetime.realtime(), updatedAt: datetime.realtime()})
 CREATE (h)-[:ABOUT]->(i), (h)-[:SUGGESTS]->(a)
 WITH h
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
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
  "actorId": "apt28",
  "author": "ed",
  "change": {
    "action": "CREATE",
    "after": "{\"incidentId\":\"2017-06-notpetya-maersk\",\"actorId\":\"apt28\",\"rationale\":\"Same tooling as a 2016 operation.\",\"confidence\":40,\"status\":\"SUPPORTED\"}",
    "before": null,
    "by": "ed",
    "entityKey": "hyp-<uuid>",
    "entityType": "Hypothesis",
    "via": "api-key"
  },
  "confidence": 40,
  "id": "hyp-<uuid>",
  "incidentId": "2017-06-notpetya-maersk",
  "rationale": "Same tooling as a 2016 operation.",
  "status": "SUPPORTED"
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

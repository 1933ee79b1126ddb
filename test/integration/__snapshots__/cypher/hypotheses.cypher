// { hypotheses(incidentId: "Incident:2017-06-notpetya-maersk", first: 5) { totalCount edges { node { status incident { key } actor { key } } } } }
// 2 statement(s) in 2 wave(s)

// ── wave 1 · read · hypotheses
MATCH (h:Hypothesis)
WHERE EXISTS { (h)-[:ABOUT]->(:Incident {id: $incidentId}) }
WITH h ORDER BY h.createdAt DESC, h.id ASC LIMIT toInteger($limit)
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
  "incidentId": "2017-06-notpetya-maersk",
  "limit": 6
}

// ── wave 2 · read · countHypotheses
MATCH (h:Hypothesis) WHERE EXISTS { (h)-[:ABOUT]->(:Incident {id: $incidentId}) } RETURN count(h) AS count
// params
{
  "incidentId": "2017-06-notpetya-maersk"
}

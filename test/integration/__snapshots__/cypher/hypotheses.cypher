// { hypotheses(incidentId: "Incident:2017-06-notpetya-maersk", first: 5) { totalCount edges { node { status incident { key } actor { key } } } } }
// 2 statement(s) in 2 wave(s)

// ── wave 1 · read · hypotheses
MATCH (h:Hypothesis)
WHERE ($incidentId IS NULL OR EXISTS { (h)-[:ABOUT]->(:Incident {id: $incidentId}) })
  AND ($actorId IS NULL OR EXISTS { (h)-[:SUGGESTS]->(:Actor {id: $actorId}) })
  AND ($author IS NULL OR h.author = $author)
  AND ($status IS NULL OR h.status = $status)
  AND ($afterAt IS NULL OR h.createdAt < datetime($afterAt) OR (h.createdAt = datetime($afterAt) AND h.id > $afterId))
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
  "actorId": null,
  "afterAt": null,
  "afterId": null,
  "author": null,
  "incidentId": "2017-06-notpetya-maersk",
  "limit": 6,
  "status": null
}

// ── wave 2 · read · countHypotheses
MATCH (h:Hypothesis)
WHERE ($incidentId IS NULL OR EXISTS { (h)-[:ABOUT]->(:Incident {id: $incidentId}) })
  AND ($actorId IS NULL OR EXISTS { (h)-[:SUGGESTS]->(:Actor {id: $actorId}) })
  AND ($author IS NULL OR h.author = $author)
  AND ($status IS NULL OR h.status = $status)
RETURN count(h) AS count
// params
{
  "actorId": null,
  "author": null,
  "incidentId": "2017-06-notpetya-maersk",
  "status": null
}

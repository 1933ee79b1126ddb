// { datasets { key name format incidentCount actorCount claimCount counts { kind read } } }
// 2 statement(s) in 2 wave(s)

// ── wave 1 · read · dataset:list
MATCH (d:Dataset) RETURN d {.*} AS row ORDER BY d.importedAt DESC, d.id
// params
{}

// ── wave 2 · read · datasetSizes
UNWIND $ids AS id MATCH (d:Dataset {id: id})
RETURN id AS parentId, [{
  incidents: COUNT { (:Incident)-[:FROM_DATASET]->(d) },
  actors: COUNT { MATCH (a:Actor)-[:FROM_DATASET]->(d) RETURN DISTINCT a },
  claims: COUNT { MATCH (:Dataset {id: id})<-[:FROM_DATASET]-(:Incident)-[r:ATTRIBUTED_TO]->(:Actor) WHERE id IN r.datasetIds }
}] AS rows
// params
{
  "ids": [
    "seeds"
  ]
}

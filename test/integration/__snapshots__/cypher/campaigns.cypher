// { campaigns(first: 3) { totalCount edges { cursor node { key name
//       attributions { actor { key } } incidents(first: 2) { edges { node { key } } } } } pageInfo { hasNextPage endCursor } } }
// 4 statement(s) in 2 wave(s)

// ── wave 1 · read · listCampaigns
MATCH (n:Campaign)
RETURN n {.*} AS row ORDER BY toLower(n.name) ASC, n.id ASC LIMIT toInteger($limit)
// params
{
  "limit": 4
}

// ── wave 2 · read · countCampaigns
MATCH (n:Campaign)  RETURN count(n) AS count
// params
{}

// ── wave 2 · read · campaignAttributions
UNWIND $ids AS id MATCH (:Campaign {id: id})-[r:ATTRIBUTED_TO]->(a:Actor)
WITH id, a, r ORDER BY r.confidence DESC, a.id
RETURN id AS parentId, collect(r {.*, id: coalesce(r.id, elementId(r)), actorId: a.id, sourceIds: coalesce(r.sourceIds, [])}) AS rows
// params
{
  "ids": [
    "covid-vaccine-targeting-2020",
    "ghostwriter",
    "it-army-ddos-russia"
  ]
}

// ── wave 2 · read · listIncidents:campaign
UNWIND $parents AS p
CALL (p) {
  MATCH (:Campaign {id: p.id})<-[:PART_OF]-(i:Incident) WITH DISTINCT p, i
  WITH i ORDER BY i.startDate DESC, i.id DESC LIMIT toInteger($limit)
  RETURN collect(i {.id, .startDate}) AS rows
}
RETURN p.id AS parentId, rows
// params
{
  "limit": 3,
  "parents": [
    {
      "id": "covid-vaccine-targeting-2020"
    },
    {
      "id": "ghostwriter"
    },
    {
      "id": "it-army-ddos-russia"
    }
  ]
}

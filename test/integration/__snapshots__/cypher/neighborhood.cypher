// { neighborhood(ids: ["Actor:sandworm"], depth: 1, limit: 100) { nodes { id type label } edges { id type source target } truncated } }
// 1 statement(s) in 1 wave(s)

// ── wave 1 · read · analysis:neighborhood
UNWIND $starts AS s
CALL (s) {
  WITH s WHERE s.type = 'Actor'
  MATCH (n:Actor {id: s.key})
  RETURN n
}
MATCH p = (n)-[*0..1]-(m)
WHERE all(x IN nodes(p) WHERE any(l IN labels(x) WHERE l IN $labels))
  AND ($allowed IS NULL OR all(x IN nodes(p) WHERE NOT x:Incident OR x.id IN $allowed))
WITH DISTINCT m LIMIT toInteger($limit) + 1
WITH collect(m) AS found
WITH found[0..toInteger($limit)] AS kept, size(found) > toInteger($limit) AS truncated
CALL (kept) {
  UNWIND kept AS x
  MATCH (x)-[r]->(y) WHERE y IN kept
  RETURN collect({type: type(r), source: {label: head([l_1 IN labels(startNode(r)) WHERE l_1 IN $labels]), key: coalesce(startNode(r).id, startNode(r).iso2)}, target: {label: head([l_2 IN labels(endNode(r)) WHERE l_2 IN $labels]), key: coalesce(endNode(r).id, endNode(r).iso2)}, props: null,
    claimId: CASE type(r) WHEN 'ATTRIBUTED_TO' THEN coalesce(r.id, elementId(r)) END,
    kind: CASE type(r) WHEN 'AFFILIATED_WITH' THEN r.kind END}) AS links
}
RETURN [x IN kept | {label: head([l_3 IN labels(x) WHERE l_3 IN $labels]), key: coalesce(x.id, x.iso2), name: coalesce(x.name, x.title, x.url), props: null}] AS nodes, links, truncated
// params
{
  "allowed": null,
  "labels": [
    "Actor",
    "Incident",
    "Sector",
    "Country",
    "Organization",
    "Campaign",
    "Source"
  ],
  "limit": 100,
  "starts": [
    {
      "key": "sandworm",
      "type": "Actor"
    }
  ]
}

// { paths(from: "Actor:sandworm", to: "Sector:electricity", maxHops: 4, first: 5) { paths { nodeIds edgeIds length } subgraph { nodes { id } edges { id } truncated } } }
// 3 statement(s) in 2 wave(s)

// ── wave 1 · read · findActors
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {id: key})
OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
RETURN key, n {.*} AS row
// params
{
  "keys": [
    "sandworm"
  ]
}

// ── wave 1 · read · findSectors
UNWIND $keys AS key MATCH (n:Sector {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "electricity"
  ]
}

// ── wave 2 · read · analysis:paths
MATCH (a:Actor {id: $fromKey}), (b:Sector {id: $toKey})
MATCH p = ALL SHORTEST (a) ((u)-[]-(v) WHERE any(l IN labels(v) WHERE l IN $labels)){0,4} (b)
WITH reduce(k = '', n IN nodes(p) | k + '|' + coalesce(n.id, n.iso2)) AS order, collect(p)[0] AS p
ORDER BY order
LIMIT toInteger($limit) + 1
CALL (p) {
  UNWIND range(0, length(p) - 1) AS step
  WITH step, nodes(p)[step] AS x, nodes(p)[step + 1] AS y
  MATCH (x)-[r]-(y)
  WITH step, collect({type: type(r), source: {label: head([l_1 IN labels(startNode(r)) WHERE l_1 IN $labels]), key: coalesce(startNode(r).id, startNode(r).iso2)}, target: {label: head([l_2 IN labels(endNode(r)) WHERE l_2 IN $labels]), key: coalesce(endNode(r).id, endNode(r).iso2)}, props: null,
    claimId: CASE type(r) WHEN 'ATTRIBUTED_TO' THEN coalesce(r.id, elementId(r)) END,
    kind: CASE type(r) WHEN 'AFFILIATED_WITH' THEN r.kind END}) AS parallel ORDER BY step
  RETURN collect(parallel) AS hops
}
RETURN [n IN nodes(p) | {label: head([l_3 IN labels(n) WHERE l_3 IN $labels]), key: coalesce(n.id, n.iso2), name: coalesce(n.name, n.title, n.url), props: null}] AS nodes, hops
ORDER BY order
// params
{
  "fromKey": "sandworm",
  "labels": [
    "Actor",
    "Incident",
    "Sector",
    "Country",
    "Organization",
    "Campaign",
    "Source"
  ],
  "limit": 5,
  "toKey": "electricity"
}

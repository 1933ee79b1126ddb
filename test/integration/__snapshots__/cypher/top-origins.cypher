// { topOrigins(filter: { countryCodes: ["UA"], minConfidence: 50 }, first: 3) { totalCount edges { incidentCount node { code } } } }
// 2 statement(s) in 1 wave(s)

// ── wave 1 · read · count:originCountry
UNWIND $parents AS p
CALL (p) {
  UNWIND $countryCodes AS countryCode_1 MATCH (:Country {iso2: countryCode_1})<-[:AFFECTED]-(i:Incident) WITH DISTINCT i
  WHERE EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.confidence >= $minConfidence }
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.confidence >= $minConfidence2 MATCH (a)-[:ORIGINATES_FROM]->(x:Country)
  WITH x, count(DISTINCT i) AS n, min(i.startDate) AS firstDate, max(i.endDate) AS lastDate
  WITH x, n, firstDate, lastDate ORDER BY n DESC, x.iso2 ASC LIMIT toInteger($limit)
  RETURN collect({node: x {.*}, incidentCount: n, firstDate: firstDate, lastDate: lastDate}) AS rows
}
RETURN p.id AS parentId, rows
// params
{
  "countryCodes": [
    "UA"
  ],
  "limit": 4,
  "minConfidence": 50,
  "minConfidence2": 50,
  "parents": [
    {
      "id": null
    }
  ]
}

// ── wave 1 · read · countGroups:originCountry
UNWIND $parents AS p
CALL (p) {
  UNWIND $countryCodes AS countryCode_1 MATCH (:Country {iso2: countryCode_1})<-[:AFFECTED]-(i:Incident) WITH DISTINCT i
  WHERE EXISTS { MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.confidence >= $minConfidence }
  MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE r.confidence >= $minConfidence2 MATCH (a)-[:ORIGINATES_FROM]->(x:Country)
  RETURN count(DISTINCT x) AS count
}
RETURN p.id AS parentId, count
// params
{
  "countryCodes": [
    "UA"
  ],
  "minConfidence": 50,
  "minConfidence2": 50,
  "parents": [
    {
      "id": null
    }
  ]
}

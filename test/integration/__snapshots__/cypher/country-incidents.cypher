// { country(code: "UA") { code
//       incidents(filter: { attackTypes: ["WIPER"] }, orderBy: { field: TITLE }, first: 3) { totalCount edges { node { key } } pageInfo { endCursor } } } }
// 3 statement(s) in 3 wave(s)

// ── wave 1 · read · findCountrys
UNWIND $keys AS key MATCH (n:Country {iso2: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "UA"
  ]
}

// ── wave 2 · read · listIncidents:country
UNWIND $parents AS p
CALL (p) {
  MATCH (:Country {iso2: p.id})<-[:AFFECTED]-(i:Incident) WITH DISTINCT p, i
  WHERE any(t IN i.attackTypes WHERE t IN $attackTypes)
  WITH i ORDER BY i.title DESC, i.id DESC LIMIT toInteger($limit)
  RETURN collect(i {.*}) AS rows
}
RETURN p.id AS parentId, rows
// params
{
  "attackTypes": [
    "WIPER"
  ],
  "limit": 4,
  "parents": [
    {
      "id": "UA"
    }
  ]
}

// ── wave 3 · read · countIncidents:country
UNWIND $parents AS p
CALL (p) {
  MATCH (:Country {iso2: p.id})<-[:AFFECTED]-(i:Incident) WITH DISTINCT p, i
  WHERE any(t IN i.attackTypes WHERE t IN $attackTypes)
  RETURN count(i) AS count
}
RETURN p.id AS parentId, count
// params
{
  "attackTypes": [
    "WIPER"
  ],
  "parents": [
    {
      "id": "UA"
    }
  ]
}

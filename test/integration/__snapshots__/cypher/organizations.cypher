// { organizations(countryCode: "UA", first: 3) { totalCount edges { node { key sectors { key } country { code } } } } }
// 4 statement(s) in 2 wave(s)

// ── wave 1 · read · listOrganizations
MATCH (n:Organization) WHERE EXISTS { (n)-[:LOCATED_IN]->(:Country {iso2: $countryCode}) }
RETURN n {.*} AS row ORDER BY toLower(n.name) ASC, n.id ASC LIMIT toInteger($limit)
// params
{
  "countryCode": "UA",
  "limit": 4
}

// ── wave 2 · read · countOrganizations
MATCH (n:Organization) WHERE EXISTS { (n)-[:LOCATED_IN]->(:Country {iso2: $countryCode}) } RETURN count(n) AS count
// params
{
  "countryCode": "UA"
}

// ── wave 2 · read · organizationSectors
UNWIND $ids AS id MATCH (:Organization {id: id})-[:IN_SECTOR]->(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows
// params
{
  "ids": [
    "auly-chlorine-station",
    "chernivtsioblenergo",
    "ukraine-cec"
  ]
}

// ── wave 2 · read · organizationCountries
UNWIND $ids AS id MATCH (:Organization {id: id})-[:LOCATED_IN]->(c:Country) RETURN id AS parentId, collect(c {.*}) AS rows
// params
{
  "ids": [
    "auly-chlorine-station",
    "chernivtsioblenergo",
    "ukraine-cec"
  ]
}

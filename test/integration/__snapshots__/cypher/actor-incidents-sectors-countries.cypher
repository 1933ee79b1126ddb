// { actors(filter: { originCountryCodes: ["RU"] }, first: 3) { edges { node { key
//         incidents(first: 2) { edges { node { key sectors { key } countries { primary country { code } } } } } } } } }
// 5 statement(s) in 4 wave(s)

// ── wave 1 · read · listActors
UNWIND $parents AS p
CALL (p) {
  MATCH (a:Actor)
  WHERE EXISTS { (a)-[:ORIGINATES_FROM]->(c:Country) WHERE c.iso2 IN $originCountryCodes }
  WITH a, toLower(a.name) AS sortValue
  WITH a, sortValue ORDER BY sortValue ASC, a.id ASC LIMIT toInteger($limit)
  RETURN collect(a {.id, sortValue: sortValue}) AS rows
}
RETURN p.id AS parentId, rows
// params
{
  "limit": 4,
  "originCountryCodes": [
    "RU"
  ],
  "parents": [
    {
      "id": null
    }
  ]
}

// ── wave 2 · read · listIncidents:actor
UNWIND $parents AS p
CALL (p) {
  MATCH (a:Actor {id: p.id})<-[r:ATTRIBUTED_TO]-(i:Incident) WITH DISTINCT p, i
  WITH i ORDER BY i.startDate DESC, i.id DESC LIMIT toInteger($limit)
  RETURN collect(i {.id, .startDate}) AS rows
}
RETURN p.id AS parentId, rows
// params
{
  "limit": 3,
  "parents": [
    {
      "id": "aleksandr-ermakov"
    },
    {
      "id": "apt28"
    },
    {
      "id": "apt29"
    }
  ]
}

// ── wave 3 · read · incidentSectors
UNWIND $ids AS id MATCH (:Incident {id: id})-[:TARGETED]->(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows
// params
{
  "ids": [
    "2022-02-apt28-ukrnet-phishing",
    "2022-10-medibank-breach",
    "2023-01-spd-email-apt28",
    "2024-02-apt29-wineloader-germany",
    "2024-10-apt29-rdp-phishing"
  ]
}

// ── wave 3 · read · incidentCountries
UNWIND $ids AS id MATCH (:Incident {id: id})-[r:AFFECTED]->(c:Country)
WITH id, c, r ORDER BY r.primary DESC, c.iso2
RETURN id AS parentId, collect({countryCode: c.iso2, primary: coalesce(r.primary, false)}) AS rows
// params
{
  "ids": [
    "2022-02-apt28-ukrnet-phishing",
    "2022-10-medibank-breach",
    "2023-01-spd-email-apt28",
    "2024-02-apt29-wineloader-germany",
    "2024-10-apt29-rdp-phishing"
  ]
}

// ── wave 4 · read · findCountrys
UNWIND $keys AS key MATCH (n:Country {iso2: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "AU",
    "DE",
    "GB",
    "JP",
    "UA"
  ]
}

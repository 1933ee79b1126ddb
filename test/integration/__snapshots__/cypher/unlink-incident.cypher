// mutation ($id: ID!, $version: Int!, $links: IncidentLinks!) { unlinkIncident(id: $id, version: $version, links: $links) { version sectors { key } } }
// variables {
//   "id": "Incident:2017-06-notpetya-merck",
//   "links": {
//     "sectorIds": [
//       "banking"
//     ]
//   },
//   "version": 2
// }
// 5 statement(s) in 2 wave(s)

// ── wave 1 · transaction updateIncident · 1 of 4 · Incident:lockForEdit
MATCH (n:Incident {id: $id})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = $id
  RETURN properties(n) AS props, {sectorIds: COLLECT { MATCH (n)-[:TARGETED]->(s:Sector) RETURN s.id ORDER BY s.id },
   countries: COLLECT { MATCH (n)-[r:AFFECTED]->(c:Country) RETURN {iso2: c.iso2, primary: coalesce(r.primary, false)} ORDER BY c.iso2 },
   organizationIds: COLLECT { MATCH (n)-[:HIT]->(o:Organization) RETURN o.id ORDER BY o.id },
   campaignId: COLLECT { MATCH (n)-[:PART_OF]->(k:Campaign) RETURN k.id }[0],
   sourceUrls: COLLECT { MATCH (n)-[:REPORTED_BY]->(s:Source) RETURN s.url ORDER BY s.url },
   claims: COLLECT { MATCH (n)-[r:ATTRIBUTED_TO]->(a:Actor) RETURN r {.*, actorId: a.id} ORDER BY a.id, r.id }} AS links, COUNT { (:Hypothesis)-[:ABOUT]->(n) } AS dependents
// params
{
  "id": "2017-06-notpetya-merck"
}

// ── wave 1 · transaction updateIncident · 2 of 4 · lockReferences
CALL () {
  UNWIND $incidents AS key
  MATCH (n:Incident {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH found AS incidents
CALL () {
  UNWIND $actors AS key
  MATCH (n:Actor {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, found AS actors
CALL () {
  UNWIND $organizations AS key
  MATCH (n:Organization {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, actors, found AS organizations
CALL () {
  UNWIND $campaigns AS key
  MATCH (n:Campaign {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect(n.id) AS found
} WITH incidents, actors, organizations, found AS campaigns
CALL () {
  UNWIND $sources AS key
  MATCH (n:Source {id: key})
  SET n._lock = true REMOVE n._lock
WITH * WHERE n.id = key
  RETURN collect({id: n.id, url: n.url}) AS found
}
RETURN incidents, actors, organizations, campaigns, found AS sources
// params
{
  "actors": [],
  "campaigns": [],
  "incidents": [],
  "organizations": [],
  "sources": []
}

// ── wave 1 · transaction updateIncident · 3 of 4 · Incident:update
MATCH (n:Incident {id: $id})
 SET n = $props
 SET n.startDate = CASE WHEN $props.startDate IS NULL THEN null ELSE date($props.startDate) END
 SET n.endDate = CASE WHEN $props.endDate IS NULL THEN null ELSE date($props.endDate) END
 WITH n
 CALL (n) { MATCH (n)-[r:TARGETED|AFFECTED|HIT|PART_OF|REPORTED_BY]->() DELETE r }
 CALL (n) { UNWIND $links.sectorIds AS id MATCH (s:Sector {id: id}) CREATE (n)-[:TARGETED]->(s) }
 CALL (n) {
   UNWIND $links.countries AS c MATCH (k:Country {iso2: c.iso2}) CREATE (n)-[:AFFECTED {primary: c.primary}]->(k)
 }
 CALL (n) { UNWIND $links.organizationIds AS id MATCH (o:Organization {id: id}) CREATE (n)-[:HIT]->(o) }
 CALL (n) {
   UNWIND CASE WHEN $links.campaignId IS NULL THEN [] ELSE [$links.campaignId] END AS id
   MATCH (k:Campaign {id: id}) CREATE (n)-[:PART_OF]->(k)
 }
 CALL (n) { UNWIND $links.sourceIds AS id MATCH (s:Source {id: id}) CREATE (n)-[:REPORTED_BY]->(s) }
 WITH n
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN n {.*} AS node
// params
{
  "change": {
    "action": "UPDATE",
    "after": "{\"regions\":[],\"endDate\":\"2017-07-31\",\"importSignature\":\"d59eaefe353cfbf854d5f249\",\"externalIds\":[],\"description\":\"The US pharmaceutical company Merck was among the worst-hit NotPetya victims, with production, research and sales systems disrupted. The US indictment of GRU officers cites damage to a large US pharmaceutical manufacturer.\",\"attackTypes\":[\"WIPER\",\"SUPPLY_CHAIN\"],\"title\":\"NotPetya disrupts Merck's manufacturing and research systems\",\"version\":3,\"objective\":\"DESTRUCTION\",\"datePrecision\":\"DAY\",\"endPrecision\":\"MONTH\",\"id\":\"2017-06-notpetya-merck\",\"startDate\":\"2017-06-27\",\"disruptionDays\":null,\"recordsAffected\":null,\"ransomDemandedUsd\":null,\"ransomPaidUsd\":null,\"sectorIds\":[\"pharmaceuticals\"],\"countries\":[{\"iso2\":\"UA\",\"primary\":false},{\"iso2\":\"US\",\"primary\":true}],\"organizationIds\":[\"merck\"],\"campaignId\":\"notpetya-2017\",\"sourceIds\":[\"src-96c451cd1cfa5310\",\"src-e440b4ac304165e0\"]}",
    "before": "{\"regions\":[],\"endDate\":\"2017-07-31\",\"importSignature\":\"d59eaefe353cfbf854d5f249\",\"externalIds\":[],\"description\":\"The US pharmaceutical company Merck was among the worst-hit NotPetya victims, with production, research and sales systems disrupted. The US indictment of GRU officers cites damage to a large US pharmaceutical manufacturer.\",\"attackTypes\":[\"WIPER\",\"SUPPLY_CHAIN\"],\"title\":\"NotPetya disrupts Merck's manufacturing and research systems\",\"version\":2,\"objective\":\"DESTRUCTION\",\"datePrecision\":\"DAY\",\"endPrecision\":\"MONTH\",\"id\":\"2017-06-notpetya-merck\",\"startDate\":\"2017-06-27\",\"sectorIds\":[\"banking\",\"pharmaceuticals\"],\"organizationIds\":[\"merck\"],\"campaignId\":\"notpetya-2017\",\"claims\":[{\"actorId\":\"gru-unspecified\",\"datasetIds\":[\"seeds\"],\"confidence\":85,\"assessedAt\":\"2018-02-15\",\"id\":\"claim-2266a7cd3aa50bdb77bb\",\"basis\":\"GOVERNMENT\",\"claimedBy\":\"UK Foreign & Commonwealth Office\",\"version\":1,\"sourceIds\":[\"src-15d3ab3b08b08958\"],\"status\":\"ATTRIBUTED\"},{\"actorId\":\"sandworm\",\"datasetIds\":[\"seeds\"],\"confidence\":85,\"assessedAt\":\"2020-10-19\",\"id\":\"claim-d910ac22762276de4ccb\",\"basis\":\"GOVERNMENT\",\"claimedBy\":\"US Department of Justice\",\"version\":1,\"sourceIds\":[\"src-96c451cd1cfa5310\"],\"status\":\"ATTRIBUTED\"}],\"countries\":[{\"iso2\":\"UA\",\"primary\":false},{\"iso2\":\"US\",\"primary\":true}],\"sourceUrls\":[\"https://www.justice.gov/opa/pr/six-russian-gru-officers-charged-connection-worldwide-deployment-destructive-malware-and\",\"https://www.wired.com/story/notpetya-cyberattack-ukraine-russia-code-crashed-the-world/\"]}",
    "by": "ed",
    "entityKey": "2017-06-notpetya-merck",
    "entityType": "Incident",
    "via": "api-key"
  },
  "id": "2017-06-notpetya-merck",
  "links": {
    "campaignId": "notpetya-2017",
    "countries": [
      {
        "iso2": "UA",
        "primary": false
      },
      {
        "iso2": "US",
        "primary": true
      }
    ],
    "organizationIds": [
      "merck"
    ],
    "sectorIds": [
      "pharmaceuticals"
    ],
    "sourceIds": [
      "src-96c451cd1cfa5310",
      "src-e440b4ac304165e0"
    ]
  },
  "props": {
    "attackTypes": [
      "WIPER",
      "SUPPLY_CHAIN"
    ],
    "datePrecision": "DAY",
    "description": "The US pharmaceutical company Merck was among the worst-hit NotPetya victims, with production, research and sales systems disrupted. The US indictment of GRU officers cites damage to a large US pharmaceutical manufacturer.",
    "disruptionDays": null,
    "endDate": "2017-07-31",
    "endPrecision": "MONTH",
    "externalIds": [],
    "id": "2017-06-notpetya-merck",
    "importSignature": "d59eaefe353cfbf854d5f249",
    "objective": "DESTRUCTION",
    "ransomDemandedUsd": null,
    "ransomPaidUsd": null,
    "recordsAffected": null,
    "regions": [],
    "startDate": "2017-06-27",
    "title": "NotPetya disrupts Merck's manufacturing and research systems",
    "version": 3
  }
}

// ── wave 1 · transaction updateIncident · 4 of 4 · targetProfiles:refresh
UNWIND $actorIds AS actorId
WITH DISTINCT actorId
CALL (actorId) { MATCH (old:TargetProfile {actorId: actorId}) DELETE old }
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (j:Incident)-[r:ATTRIBUTED_TO]->(a) WHERE r.status <> 'RETRACTED'
  WITH j, toFloat(max(coalesce(r.confidence, 0))) AS confidence
  // One walk over the incident's links finds its sectors, countries and campaigns alike.
  WITH j, confidence,
       COLLECT {
         MATCH (j)-[e:TARGETED|AFFECTED|PART_OF]->(n)
         WITH DISTINCT CASE type(e)
           WHEN 'TARGETED' THEN ['SECTOR', coalesce([(n)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], n).id]
           WHEN 'AFFECTED' THEN ['COUNTRY', n.iso2]
           ELSE ['CAMPAIGN', n.id] END AS feature
         RETURN feature
       } + [v IN COLLECT { UNWIND coalesce(j.attackTypes, []) AS t RETURN DISTINCT t } | ['ATTACK_TYPE', v]] AS features
  // A missing date leaves the bound open (null), as an undated incident's gap counts as none.
  RETURN count(j) AS incidents,
         CASE WHEN count(j.startDate) = count(j) THEN min(j.startDate) END AS firstStart,
         CASE WHEN count(j.endDate) = count(j) THEN min(j.endDate) END AS firstEnd,
         CASE WHEN count(j.endDate) = count(j) THEN max(j.endDate) END AS lastEnd,
         collect({confidence: confidence, features: features}) AS rows
}
WITH a, incidents, firstStart, firstEnd, lastEnd, rows WHERE incidents > 0
CALL (rows) {
  UNWIND rows AS row
  UNWIND row.features AS feature
  WITH feature[0] AS kind, feature[1] AS key, count(*) AS incidents, max(row.confidence) AS confidence
  ORDER BY kind, key
  RETURN collect({kind: kind, key: key, incidents: incidents, confidence: confidence}) AS features
}
WITH a, incidents, firstStart, firstEnd, lastEnd,
     [f IN features WHERE f.kind = 'SECTOR'] AS sectors,
     [f IN features WHERE f.kind = 'COUNTRY'] AS countries,
     [f IN features WHERE f.kind = 'ATTACK_TYPE'] AS types,
     [f IN features WHERE f.kind = 'CAMPAIGN'] AS campaigns
CREATE (:TargetProfile {
  actorId: a.id, incidents: incidents, firstStart: firstStart, firstEnd: firstEnd, lastEnd: lastEnd,
  sectorIds: [f IN sectors | f.key], sectorIncidents: [f IN sectors | f.incidents],
  sectorConfidence: [f IN sectors | f.confidence],
  countryCodes: [f IN countries | f.key], countryIncidents: [f IN countries | f.incidents],
  countryConfidence: [f IN countries | f.confidence],
  attackTypes: [f IN types | f.key], attackTypeIncidents: [f IN types | f.incidents],
  attackTypeConfidence: [f IN types | f.confidence],
  campaignIds: [f IN campaigns | f.key], campaignIncidents: [f IN campaigns | f.incidents],
  campaignConfidence: [f IN campaigns | f.confidence]
})
RETURN count(*) AS refreshed
// params
{
  "actorIds": [
    "gru-unspecified",
    "sandworm"
  ]
}

// ── wave 2 · read · incidentSectors
UNWIND $ids AS id MATCH (:Incident {id: id})-[:TARGETED]->(s:Sector) WITH id, s ORDER BY s.name RETURN id AS parentId, collect(s {.*}) AS rows
// params
{
  "ids": [
    "2017-06-notpetya-merck"
  ]
}

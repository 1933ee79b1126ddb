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
// 8 statement(s) in 2 wave(s)

// ── wave 1 · transaction updateIncident · 1 of 7 · Incident:lockForEdit
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

// ── wave 1 · transaction updateIncident · 2 of 7 · lockReferences
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

// ── wave 1 · transaction updateIncident · 3 of 7 · Incident:update
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

// ── wave 1 · transaction updateIncident · 4 of 7 · targetProfiles:actorsClaiming
UNWIND $incidentIds AS incidentId
MATCH (:Incident {id: incidentId})-[:ATTRIBUTED_TO]->(a:Actor)
RETURN DISTINCT a.id AS actorId
// params
{
  "incidentIds": [
    "2017-06-notpetya-merck"
  ]
}

// ── wave 1 · transaction updateIncident · 5 of 7 · targetProfiles:readRows
UNWIND $actorIds AS actorId
MATCH (r:TargetProfileRows {actorId: actorId})
RETURN actorId, r.rows AS rows, r.version AS version
// params
{
  "actorIds": [
    "gru-unspecified",
    "sandworm"
  ]
}

// ── wave 1 · transaction updateIncident · 6 of 7 · targetProfiles:rowsOfIncidents
UNWIND $incidentIds AS incidentId
MATCH (j:Incident {id: incidentId})-[r:ATTRIBUTED_TO]->(a:Actor) WHERE a.id IN $actorIds
WITH a, j, r WHERE r.status <> 'RETRACTED'
WITH a, j, toFloat(max(coalesce(r.confidence, 0))) AS confidence
RETURN a.id AS actorId, collect({incidentId: j.id, confidence: confidence,
  start: toString(j.startDate), end: toString(j.endDate),
  sectorIds: COLLECT { MATCH (j)-[:TARGETED]->(s:Sector) RETURN DISTINCT coalesce([(s)-[:SUBSECTOR_OF]->(rollupParent_1:Sector) | rollupParent_1][0], s).id },
  countryCodes: COLLECT { MATCH (j)-[:AFFECTED]->(c:Country) RETURN DISTINCT c.iso2 },
  attackTypes: COLLECT { UNWIND coalesce(j.attackTypes, []) AS t RETURN DISTINCT t },
  campaignIds: COLLECT { MATCH (j)-[:PART_OF]->(k:Campaign) RETURN DISTINCT k.id }}) AS rows
// params
{
  "actorIds": [
    "gru-unspecified",
    "sandworm"
  ],
  "incidentIds": [
    "2017-06-notpetya-merck"
  ]
}

// ── wave 1 · transaction updateIncident · 7 of 7 · targetProfiles:write
UNWIND $profiles AS profile
WITH profile, profile.totals AS totals
MERGE (p:TargetProfile {actorId: profile.actorId})
SET p = totals, p.actorId = profile.actorId, p.incidents = toInteger(totals.incidents),
    p.firstStart = date(totals.firstStart), p.firstEnd = date(totals.firstEnd), p.lastEnd = date(totals.lastEnd),
    p.maxConfidence = toInteger(ceil(totals.maxConfidence)),
    p.nextConfidence = toInteger(ceil(totals.nextConfidence))
MERGE (r:TargetProfileRows {actorId: profile.actorId})
SET r.rows = profile.rows, r.version = profile.totals.rowsVersion
// params
{
  "profiles": [
    {
      "actorId": "gru-unspecified",
      "rows": "[[\"2017-06-notpetya-evraz\",85,\"2017-06-27\",\"2017-06-27\",[\"manufacturing\",\"mining\"],[\"RU\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-maersk\",85,\"2017-06-27\",\"2017-07-31\",[\"transport\"],[\"DK\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-merck\",85,\"2017-06-27\",\"2017-07-31\",[\"health\"],[\"UA\",\"US\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-mondelez\",85,\"2017-06-27\",\"2017-07-31\",[\"food-and-agriculture\"],[\"UA\",\"US\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-reckitt-benckiser\",85,\"2017-06-27\",\"2017-07-31\",[\"manufacturing\"],[\"GB\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-rosneft\",85,\"2017-06-27\",\"2017-07-31\",[\"energy\"],[\"RU\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-saint-gobain\",85,\"2017-06-27\",\"2017-07-31\",[\"manufacturing\"],[\"FR\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-tnt-express\",85,\"2017-06-27\",\"2017-07-31\",[\"transport\"],[\"NL\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-ukraine\",85,\"2017-06-27\",\"2017-07-31\",[\"digital-infrastructure\",\"energy\",\"finance\",\"public-administration\",\"transport\"],[\"UA\"],[\"MALWARE\",\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-10-bad-rabbit\",85,\"2017-10-24\",\"2017-10-24\",[\"finance\",\"media\",\"transport\"],[\"BG\",\"JP\",\"RU\",\"TR\",\"UA\"],[\"MALWARE\",\"RANSOMWARE\"],[]],[\"2022-01-ukraine-government-website-defacements\",85,\"2022-01-14\",\"2022-01-14\",[\"public-administration\"],[\"UA\"],[\"DEFACEMENT\",\"INFORMATION_OPERATION\"],[]],[\"2022-01-whispergate\",85,\"2022-01-13\",\"2022-01-13\",[\"digital-infrastructure\",\"public-administration\"],[\"UA\"],[\"DATA_BREACH\",\"WIPER\"],[]],[\"2022-02-ukraine-banks-mod-ddos\",85,\"2022-02-15\",\"2022-02-16\",[\"defence\",\"finance\"],[\"UA\"],[\"DDOS\"],[]]]",
      "totals": {
        "featureKeys": [
          "CBG",
          "CDK",
          "CFR",
          "CGB",
          "CJP",
          "CNL",
          "CRU",
          "CTR",
          "CUA",
          "CUS",
          "Knotpetya-2017",
          "Sdefence",
          "Sdigital-infrastructure",
          "Senergy",
          "Sfinance",
          "Sfood-and-agriculture",
          "Shealth",
          "Smanufacturing",
          "Smedia",
          "Smining",
          "Spublic-administration",
          "Stransport",
          "TDATA_BREACH",
          "TDDOS",
          "TDEFACEMENT",
          "TINFORMATION_OPERATION",
          "TMALWARE",
          "TRANSOMWARE",
          "TSUPPLY_CHAIN",
          "TWIPER"
        ],
        "firmKeys": [
          "CBG",
          "CDK",
          "CFR",
          "CGB",
          "CJP",
          "CNL",
          "CRU",
          "CTR",
          "CUA",
          "CUS",
          "Knotpetya-2017",
          "Sdefence",
          "Sdigital-infrastructure",
          "Senergy",
          "Sfinance",
          "Sfood-and-agriculture",
          "Shealth",
          "Smanufacturing",
          "Smedia",
          "Smining",
          "Spublic-administration",
          "Stransport",
          "TDATA_BREACH",
          "TDDOS",
          "TDEFACEMENT",
          "TINFORMATION_OPERATION",
          "TMALWARE",
          "TRANSOMWARE",
          "TSUPPLY_CHAIN",
          "TWIPER"
        ],
        "firstEnd": "2017-06-27",
        "firstStart": "2017-06-27",
        "incidents": 13,
        "lastEnd": "2022-02-16",
        "maxConfidence": 85,
        "nextConfidence": null,
        "rowsVersion": "W7yqvcLfyfOvc2ECfrcS7w",
        "singleKeys": [
          "CBG",
          "CDK",
          "CFR",
          "CGB",
          "CJP",
          "CNL",
          "CTR",
          "Sdefence",
          "Sfood-and-agriculture",
          "Shealth",
          "Smedia",
          "Smining",
          "TDATA_BREACH",
          "TDDOS",
          "TDEFACEMENT",
          "TINFORMATION_OPERATION",
          "TRANSOMWARE"
        ]
      }
    },
    {
      "actorId": "sandworm",
      "rows": "[[\"2015-10-ukrainian-media-killdisk\",50,\"2015-10-01\",\"2015-10-31\",[\"media\"],[\"UA\"],[\"MALWARE\",\"WIPER\"],[]],[\"2015-12-ukraine-power-grid-blackenergy\",85,\"2015-12-23\",\"2015-12-23\",[\"energy\"],[\"UA\"],[\"MALWARE\",\"SABOTAGE\",\"WIPER\"],[\"sandworm-ukraine-energy\"]],[\"2016-12-kyiv-industroyer\",85,\"2016-12-17\",\"2016-12-17\",[\"energy\"],[\"UA\"],[\"MALWARE\",\"SABOTAGE\"],[\"sandworm-ukraine-energy\"]],[\"2016-12-ukraine-ministry-of-finance-treasury\",85,\"2016-12-01\",\"2016-12-31\",[\"public-administration\"],[\"UA\"],[\"WIPER\"],[]],[\"2017-06-notpetya-evraz\",85,\"2017-06-27\",\"2017-06-27\",[\"manufacturing\",\"mining\"],[\"RU\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-heritage-valley\",85,\"2017-06-27\",\"2017-06-27\",[\"health\"],[\"US\"],[\"WIPER\"],[]],[\"2017-06-notpetya-maersk\",85,\"2017-06-27\",\"2017-07-31\",[\"transport\"],[\"DK\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-merck\",85,\"2017-06-27\",\"2017-07-31\",[\"health\"],[\"UA\",\"US\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-mondelez\",85,\"2017-06-27\",\"2017-07-31\",[\"food-and-agriculture\"],[\"UA\",\"US\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-reckitt-benckiser\",85,\"2017-06-27\",\"2017-07-31\",[\"manufacturing\"],[\"GB\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-rosneft\",85,\"2017-06-27\",\"2017-07-31\",[\"energy\"],[\"RU\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-saint-gobain\",85,\"2017-06-27\",\"2017-07-31\",[\"manufacturing\"],[\"FR\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-tnt-express\",85,\"2017-06-27\",\"2017-07-31\",[\"transport\"],[\"NL\",\"UA\"],[\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2017-06-notpetya-ukraine\",85,\"2017-06-27\",\"2017-07-31\",[\"digital-infrastructure\",\"energy\",\"finance\",\"public-administration\",\"transport\"],[\"UA\"],[\"MALWARE\",\"SUPPLY_CHAIN\",\"WIPER\"],[\"notpetya-2017\"]],[\"2018-02-olympic-destroyer\",85,\"2018-02-09\",\"2018-02-09\",[\"entertainment-and-hospitality\"],[\"KR\"],[\"SABOTAGE\",\"WIPER\"],[]],[\"2018-05-vpnfilter\",85,\"2018-05-01\",\"2018-05-31\",[\"telecommunications\"],[\"UA\"],[\"ESPIONAGE\",\"MALWARE\"],[]],[\"2022-02-viasat-ka-sat\",50,\"2022-02-24\",\"2022-03-31\",[\"defence\",\"space\",\"telecommunications\"],[\"DE\",\"UA\"],[\"SABOTAGE\",\"WIPER\"],[]],[\"2022-03-caddywiper\",50,\"2022-03-14\",\"2022-03-14\",[\"finance\",\"public-administration\"],[\"UA\"],[\"WIPER\"],[]],[\"2022-04-industroyer2\",85,\"2022-04-08\",\"2022-04-08\",[\"energy\"],[\"UA\"],[\"MALWARE\",\"SABOTAGE\",\"WIPER\"],[\"sandworm-ukraine-energy\"]],[\"2022-10-prestige-ransomware\",85,\"2022-10-11\",\"2022-10-11\",[\"transport\"],[\"PL\",\"UA\"],[\"RANSOMWARE\"],[]],[\"2022-10-sandworm-ukraine-power-ot\",85,\"2022-10-10\",\"2022-10-12\",[\"energy\"],[\"UA\"],[\"SABOTAGE\",\"WIPER\"],[\"sandworm-ukraine-energy\"]],[\"2023-01-ukrinform-caddywiper\",50,\"2023-01-17\",\"2023-01-17\",[\"media\"],[\"UA\"],[\"WIPER\"],[]],[\"2023-12-kyivstar\",85,\"2023-12-12\",\"2023-12-19\",[\"finance\",\"telecommunications\"],[\"UA\"],[\"SABOTAGE\",\"WIPER\"],[]],[\"2024-03-sandworm-ukraine-utilities\",85,\"2024-03-01\",\"2024-03-31\",[\"energy\",\"water\"],[\"UA\"],[\"MALWARE\",\"SABOTAGE\",\"SUPPLY_CHAIN\"],[\"sandworm-ukraine-energy\"]]]",
      "totals": {
        "featureKeys": [
          "CDE",
          "CDK",
          "CFR",
          "CGB",
          "CKR",
          "CNL",
          "CPL",
          "CRU",
          "CUA",
          "CUS",
          "Knotpetya-2017",
          "Ksandworm-ukraine-energy",
          "Sdefence",
          "Sdigital-infrastructure",
          "Senergy",
          "Sentertainment-and-hospitality",
          "Sfinance",
          "Sfood-and-agriculture",
          "Shealth",
          "Smanufacturing",
          "Smedia",
          "Smining",
          "Spublic-administration",
          "Sspace",
          "Stelecommunications",
          "Stransport",
          "Swater",
          "TESPIONAGE",
          "TMALWARE",
          "TRANSOMWARE",
          "TSABOTAGE",
          "TSUPPLY_CHAIN",
          "TWIPER"
        ],
        "firmKeys": [
          "CDK",
          "CFR",
          "CGB",
          "CKR",
          "CNL",
          "CPL",
          "CRU",
          "CUA",
          "CUS",
          "Knotpetya-2017",
          "Ksandworm-ukraine-energy",
          "Sdigital-infrastructure",
          "Senergy",
          "Sentertainment-and-hospitality",
          "Sfinance",
          "Sfood-and-agriculture",
          "Shealth",
          "Smanufacturing",
          "Smining",
          "Spublic-administration",
          "Stelecommunications",
          "Stransport",
          "Swater",
          "TESPIONAGE",
          "TMALWARE",
          "TRANSOMWARE",
          "TSABOTAGE",
          "TSUPPLY_CHAIN",
          "TWIPER"
        ],
        "firstEnd": "2015-10-31",
        "firstStart": "2015-10-01",
        "incidents": 24,
        "lastEnd": "2024-03-31",
        "maxConfidence": 85,
        "nextConfidence": 50,
        "rowsVersion": "A4pAKePkSKE1BqRL62s8fF",
        "singleKeys": [
          "CDE",
          "CDK",
          "CFR",
          "CGB",
          "CKR",
          "CNL",
          "CPL",
          "Sdefence",
          "Sdigital-infrastructure",
          "Sentertainment-and-hospitality",
          "Sfood-and-agriculture",
          "Smining",
          "Sspace",
          "Swater",
          "TESPIONAGE",
          "TRANSOMWARE"
        ]
      }
    }
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

// mutation ($sourceIds: [ID!]!) { addAttribution(incidentId: "Incident:2022-02-viasat-ka-sat", actorId: "apt28", confidence: 15, basis: MEDIA, claimedBy: "A newspaper", sourceIds: $sourceIds) { id version confidence status actor { key } sources { url } } }
// variables {
//   "sourceIds": [
//     "Source:src-08081ea9debdcf6d"
//   ]
// }
// 7 statement(s) in 2 wave(s)

// ── wave 1 · transaction addAttribution · 1 of 5 · lockReferences
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
  "actors": [
    "apt28"
  ],
  "campaigns": [],
  "incidents": [
    "2022-02-viasat-ka-sat"
  ],
  "organizations": [],
  "sources": [
    "src-08081ea9debdcf6d"
  ]
}

// ── wave 1 · transaction addAttribution · 2 of 5 · addAttribution
MATCH (i:Incident {id: $incidentId}), (a:Actor {id: $actorId})
 CREATE (i)-[r:ATTRIBUTED_TO]->(a) SET r = $props
 WITH r, a
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN r {.*, id: coalesce(r.id, elementId(r)), actorId: a.id, sourceIds: coalesce(r.sourceIds, [])} AS claim
// params
{
  "actorId": "apt28",
  "change": {
    "action": "ADD_ATTRIBUTION",
    "after": "{\"actorId\":\"apt28\",\"id\":\"claim-<uuid>\",\"confidence\":15,\"basis\":\"MEDIA\",\"status\":\"ATTRIBUTED\",\"claimedBy\":\"A newspaper\",\"assessedAt\":null,\"sourceIds\":[\"src-08081ea9debdcf6d\"],\"version\":1}",
    "before": null,
    "by": "ed",
    "entityKey": "2022-02-viasat-ka-sat",
    "entityType": "Incident",
    "via": "api-key"
  },
  "incidentId": "2022-02-viasat-ka-sat",
  "props": {
    "assessedAt": null,
    "basis": "MEDIA",
    "claimedBy": "A newspaper",
    "confidence": 15,
    "id": "claim-<uuid>",
    "sourceIds": [
      "src-08081ea9debdcf6d"
    ],
    "status": "ATTRIBUTED",
    "version": 1
  }
}

// ── wave 1 · transaction addAttribution · 3 of 5 · targetProfiles:readRows
UNWIND $actorIds AS actorId
MATCH (r:TargetProfileRows {actorId: actorId})
RETURN actorId, r.rows AS rows, r.version AS version
// params
{
  "actorIds": [
    "apt28"
  ]
}

// ── wave 1 · transaction addAttribution · 4 of 5 · targetProfiles:rowsOfIncidents
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
    "apt28"
  ],
  "incidentIds": [
    "2022-02-viasat-ka-sat"
  ]
}

// ── wave 1 · transaction addAttribution · 5 of 5 · targetProfiles:write
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
      "actorId": "apt28",
      "rows": "[[\"2014-ukrainian-artillery-app-x-agent\",50,\"2014-01-01\",\"2016-12-31\",[\"defence\"],[\"UA\"],[\"ESPIONAGE\",\"MALWARE\"],[]],[\"2015-04-german-bundestag-hack\",85,\"2015-04-01\",\"2015-05-31\",[\"public-administration\"],[\"DE\"],[\"DATA_BREACH\",\"ESPIONAGE\"],[]],[\"2020-vaccine-makers-strontium-zinc-cerium\",70,\"2020-01-01\",\"2020-11-30\",[\"health\",\"research\"],[\"CA\",\"FR\",\"IN\",\"KR\",\"US\"],[\"ACCOUNT_TAKEOVER\",\"ESPIONAGE\",\"PHISHING\"],[\"covid-vaccine-targeting-2020\"]],[\"2022-02-apt28-ukrnet-phishing\",85,\"2022-02-01\",\"2022-03-31\",[\"media\"],[\"UA\"],[\"ESPIONAGE\",\"PHISHING\"],[]],[\"2022-02-viasat-ka-sat\",15,\"2022-02-24\",\"2022-03-31\",[\"defence\",\"space\",\"telecommunications\"],[\"DE\",\"UA\"],[\"SABOTAGE\",\"WIPER\"],[]],[\"2022-apt28-western-logistics-campaign\",85,\"2022-01-01\",\"2025-05-31\",[\"defence\",\"digital-infrastructure\",\"transport\"],[\"BG\",\"CZ\",\"DE\",\"FR\",\"GR\",\"IT\",\"MD\",\"NL\",\"PL\",\"RO\",\"SK\",\"UA\",\"US\"],[\"ESPIONAGE\",\"PHISHING\"],[]],[\"2023-01-spd-email-apt28\",85,\"2023-01-01\",\"2023-01-31\",[\"political-processes\"],[\"DE\"],[\"DATA_BREACH\",\"ESPIONAGE\"],[]]]",
      "totals": {
        "featureKeys": [
          "CBG",
          "CCA",
          "CCZ",
          "CDE",
          "CFR",
          "CGR",
          "CIN",
          "CIT",
          "CKR",
          "CMD",
          "CNL",
          "CPL",
          "CRO",
          "CSK",
          "CUA",
          "CUS",
          "Kcovid-vaccine-targeting-2020",
          "Sdefence",
          "Sdigital-infrastructure",
          "Shealth",
          "Smedia",
          "Spolitical-processes",
          "Spublic-administration",
          "Sresearch",
          "Sspace",
          "Stelecommunications",
          "Stransport",
          "TACCOUNT_TAKEOVER",
          "TDATA_BREACH",
          "TESPIONAGE",
          "TMALWARE",
          "TPHISHING",
          "TSABOTAGE",
          "TWIPER"
        ],
        "firmKeys": [
          "CBG",
          "CCZ",
          "CDE",
          "CFR",
          "CGR",
          "CIT",
          "CMD",
          "CNL",
          "CPL",
          "CRO",
          "CSK",
          "CUA",
          "CUS",
          "Sdefence",
          "Sdigital-infrastructure",
          "Smedia",
          "Spolitical-processes",
          "Spublic-administration",
          "Stransport",
          "TDATA_BREACH",
          "TESPIONAGE",
          "TPHISHING"
        ],
        "firstEnd": "2015-05-31",
        "firstStart": "2014-01-01",
        "incidents": 7,
        "lastEnd": "2025-05-31",
        "maxConfidence": 85,
        "nextConfidence": 70,
        "rowsVersion": "RrwKPfETXSMEIYcXz4uPaR",
        "singleKeys": [
          "CBG",
          "CCA",
          "CCZ",
          "CGR",
          "CIN",
          "CIT",
          "CKR",
          "CMD",
          "CNL",
          "CPL",
          "CRO",
          "CSK",
          "Kcovid-vaccine-targeting-2020",
          "Sdigital-infrastructure",
          "Shealth",
          "Smedia",
          "Spolitical-processes",
          "Spublic-administration",
          "Sresearch",
          "Sspace",
          "Stelecommunications",
          "Stransport",
          "TACCOUNT_TAKEOVER",
          "TMALWARE",
          "TSABOTAGE",
          "TWIPER"
        ]
      }
    }
  ]
}

// ── wave 2 · read · findActors
UNWIND $keys AS key
OPTIONAL MATCH (a:Actor {id: key})
OPTIONAL MATCH (:MergedActor {id: key})-[:MERGED_INTO]->(m:Actor)
WITH key, coalesce(a, m) AS n WHERE n IS NOT NULL
RETURN key, n {.*} AS row
// params
{
  "keys": [
    "apt28"
  ]
}

// ── wave 2 · read · findSources
UNWIND $keys AS key MATCH (n:Source {id: key}) RETURN key, n {.*} AS row
// params
{
  "keys": [
    "src-08081ea9debdcf6d"
  ]
}

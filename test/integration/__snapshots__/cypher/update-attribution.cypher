// mutation ($id: ID!, $version: Int!) { updateAttribution(id: $id, version: $version, patch: { confidence: 50, status: SUSPECTED }) { id version confidence status actor { key } sources { url } } }
// variables {
//   "id": "claim-<uuid>",
//   "version": 1
// }
// 7 statement(s) in 2 wave(s)

// ── wave 1 · transaction updateAttribution · 1 of 5 · lockClaimForEdit
MATCH (found:Incident)-[r:ATTRIBUTED_TO]->(:Actor) WHERE coalesce(r.id, elementId(r)) = $id
WITH found AS i, found.id AS incidentId LIMIT 1
SET i._lock = true REMOVE i._lock
WITH * WHERE i.id = incidentId
MATCH (i)-[r:ATTRIBUTED_TO]->(a:Actor) WHERE coalesce(r.id, elementId(r)) = $id
RETURN incidentId, r {.*, id: coalesce(r.id, elementId(r)), actorId: a.id, sourceIds: coalesce(r.sourceIds, [])} AS claim
// params
{
  "id": "claim-<uuid>"
}

// ── wave 1 · transaction updateAttribution · 2 of 5 · updateAttribution
MATCH (:Incident {id: $incidentId})-[r:ATTRIBUTED_TO]->(a:Actor) WHERE coalesce(r.id, elementId(r)) = $id
 SET r = $props
 WITH r, a
 CREATE (ch:Change {id: randomUUID(), at: datetime.realtime(), by: $change.by,
via: $change.via, action: $change.action, entityType: $change.entityType,
entityKey: $change.entityKey, before: $change.before, after: $change.after})
 RETURN r {.*, id: coalesce(r.id, elementId(r)), actorId: a.id, sourceIds: coalesce(r.sourceIds, [])} AS claim
// params
{
  "change": {
    "action": "UPDATE_ATTRIBUTION",
    "after": "{\"actorId\":\"apt28\",\"id\":\"claim-<uuid>\",\"sourceIds\":[\"src-08081ea9debdcf6d\"],\"confidence\":50,\"basis\":\"MEDIA\",\"claimedBy\":\"A newspaper\",\"version\":2,\"status\":\"SUSPECTED\"}",
    "before": "{\"actorId\":\"apt28\",\"id\":\"claim-<uuid>\",\"sourceIds\":[\"src-08081ea9debdcf6d\"],\"confidence\":15,\"basis\":\"MEDIA\",\"claimedBy\":\"A newspaper\",\"version\":1,\"status\":\"ATTRIBUTED\"}",
    "by": "ed",
    "entityKey": "2022-02-viasat-ka-sat",
    "entityType": "Incident",
    "via": "api-key"
  },
  "id": "claim-<uuid>",
  "incidentId": "2022-02-viasat-ka-sat",
  "props": {
    "basis": "MEDIA",
    "claimedBy": "A newspaper",
    "confidence": 50,
    "id": "claim-<uuid>",
    "sourceIds": [
      "src-08081ea9debdcf6d"
    ],
    "status": "SUSPECTED",
    "version": 2
  }
}

// ── wave 1 · transaction updateAttribution · 3 of 5 · targetProfiles:readRows
UNWIND $actorIds AS actorId
MATCH (r:TargetProfileRows {actorId: actorId})
RETURN actorId, r.rows AS rows, r.version AS version
// params
{
  "actorIds": [
    "apt28"
  ]
}

// ── wave 1 · transaction updateAttribution · 4 of 5 · targetProfiles:rowsOfIncidents
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

// ── wave 1 · transaction updateAttribution · 5 of 5 · targetProfiles:write
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
      "rows": "[[\"2014-ukrainian-artillery-app-x-agent\",50,\"2014-01-01\",\"2016-12-31\",[\"defence\"],[\"UA\"],[\"ESPIONAGE\",\"MALWARE\"],[]],[\"2015-04-german-bundestag-hack\",85,\"2015-04-01\",\"2015-05-31\",[\"public-administration\"],[\"DE\"],[\"DATA_BREACH\",\"ESPIONAGE\"],[]],[\"2020-vaccine-makers-strontium-zinc-cerium\",70,\"2020-01-01\",\"2020-11-30\",[\"health\",\"research\"],[\"CA\",\"FR\",\"IN\",\"KR\",\"US\"],[\"ACCOUNT_TAKEOVER\",\"ESPIONAGE\",\"PHISHING\"],[\"covid-vaccine-targeting-2020\"]],[\"2022-02-apt28-ukrnet-phishing\",85,\"2022-02-01\",\"2022-03-31\",[\"media\"],[\"UA\"],[\"ESPIONAGE\",\"PHISHING\"],[]],[\"2022-02-viasat-ka-sat\",50,\"2022-02-24\",\"2022-03-31\",[\"defence\",\"space\",\"telecommunications\"],[\"DE\",\"UA\"],[\"SABOTAGE\",\"WIPER\"],[]],[\"2022-apt28-western-logistics-campaign\",85,\"2022-01-01\",\"2025-05-31\",[\"defence\",\"digital-infrastructure\",\"transport\"],[\"BG\",\"CZ\",\"DE\",\"FR\",\"GR\",\"IT\",\"MD\",\"NL\",\"PL\",\"RO\",\"SK\",\"UA\",\"US\"],[\"ESPIONAGE\",\"PHISHING\"],[]],[\"2023-01-spd-email-apt28\",85,\"2023-01-01\",\"2023-01-31\",[\"political-processes\"],[\"DE\"],[\"DATA_BREACH\",\"ESPIONAGE\"],[]]]",
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
        "rowsVersion": "b4RQ-Hte2TEKSu1SDBmAZ8",
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
